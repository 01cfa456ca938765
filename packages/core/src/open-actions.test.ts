import { describe, expect, it } from 'vitest'
import type { ActionItem } from './schemas/records.js'
import { openActionsByOwner } from './open-actions.js'

function action(text: string, owner: string | null, due: string | null, overdue: boolean, done = false): ActionItem {
  return { file: 'minutes/a.md', line: 1, column: 1, text, owner, due, dueSource: due === null ? null : 'date', done, references: [], overdue }
}

describe('openActionsByOwner', () => {
  it('groups open actions by owner, alphabetically with no owner last, overdue first, then by due date, then as given', () => {
    const actions = [
      action('none', null, '2024-01-01', true),
      action('b later', 'beta', '2024-09-30', false),
      action('b undated', 'beta', null, false),
      action('b soon', 'beta', '2024-08-31', false),
      action('b late', 'beta', '2024-07-31', true),
      action('b done', 'beta', '2024-01-31', true, true),
      action('A', 'Alpha', '2024-08-01', false),
      action('a', 'alpha', '2024-08-01', false),
      action('b same day', 'beta', '2024-08-31', false)
    ]
    expect(openActionsByOwner(actions).map((group) => [group.owner, group.actions.map((entry) => entry.text)])).toStrictEqual([
      ['Alpha', ['A']],
      ['alpha', ['a']],
      ['beta', ['b late', 'b soon', 'b same day', 'b later', 'b undated']],
      [null, ['none']]
    ])
    expect(openActionsByOwner([action('done', 'x', null, false, true)])).toStrictEqual([])
  })
})
