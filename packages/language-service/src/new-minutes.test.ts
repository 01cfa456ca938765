import { describe, expect, it } from 'vitest'
import { minutes, root, serviceOver, smallRegister, telfordFiles } from '../test/helpers.js'
import { pathToUri } from './uri.js'

describe('planNewMinutes', () => {
  it('plans minutes in the folder, chair and attendees from the newest minutes of that kind', async () => {
    const { service } = await serviceOver(telfordFiles())
    const plan = await service.planNewMinutes({ folder: pathToUri(root), meeting: 'accountability', date: '2025-01-15' })
    expect(plan).toMatchObject({ uri: 'file:///telford/minutes/2025-01-15-accountability.md', exists: false })
    const text = 'text' in plan ? plan.text : ''
    expect(text).toMatch(
      /^---\nmeeting: accountability\ndate: 2025-01-15\ntitle: Accountability meeting, 15 January 2025\nchair: "?John Campion, Police and Crime Commissioner"?\nattendees:\n {2}- /
    )
    expect(text).not.toContain('register:')
    // One folder: it may be left out. An existing file is reported, not overwritten.
    expect(await service.planNewMinutes({ meeting: 'accountability', date: '2024-01-17', title: 'Again' })).toMatchObject({
      uri: 'file:///telford/minutes/2024-01-17-accountability.md',
      exists: true
    })
  })

  it('names the register when there are several; a kind never seen gets a blank chair', async () => {
    const { service } = await serviceOver({
      [`${root}/followthrough.config.json`]: JSON.stringify({ registers: ['a.yaml', 'b.yaml'], minutes: ['notes/minutes/*.md'] }),
      [`${root}/a.yaml`]: smallRegister('alpha', 3),
      [`${root}/b.yaml`]: smallRegister('beta', 3),
      [`${root}/notes/minutes/one.md`]: minutes('2024-01-01', 'alpha:R1.')
    })
    const plan = await service.planNewMinutes({ meeting: 'Joint board', date: '2025-02-03' })
    expect(plan).toMatchObject({ uri: 'file:///telford/notes/minutes/2025-02-03-joint-board.md', exists: false })
    expect('text' in plan && plan.text.split('---')[1]).toBe(
      '\nmeeting: Joint board\ndate: 2025-02-03\ntitle: Joint board meeting, 3 February 2025\nchair: Chair\nattendees: []\nregister: alpha\n'
    )
  })

  it('refuses a bad date, an empty kind, an unknown folder, and a minutes folder outside the workspace', async () => {
    const { service } = await serviceOver(telfordFiles())
    expect(await service.planNewMinutes({ meeting: 'accountability', date: '2025-02-30' })).toEqual({ problem: 'Unexpected date "2025-02-30", expected a date as YYYY-MM-DD' })
    expect(await service.planNewMinutes({ meeting: ' ', date: '2025-02-03' })).toEqual({ problem: 'Unexpected empty kind of meeting, expected a word such as accountability' })
    expect(await service.planNewMinutes({ folder: 'file:///elsewhere', meeting: 'a', date: '2025-02-03' })).toEqual({
      problem: "Unexpected folder file:///elsewhere, expected one of the workspace's folders (file:///telford)"
    })
    const { service: outside } = await serviceOver({
      [`${root}/followthrough.config.json`]: JSON.stringify({ minutes: ['../shared/*.md'] }),
      [`${root}/recommendations.yaml`]: smallRegister()
    })
    expect(await outside.planNewMinutes({ meeting: 'a', date: '2025-02-03' })).toEqual({
      problem: 'Unexpected minutes folder "../shared" outside /telford, expected a folder inside the workspace'
    })
  })
})
