import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { minutes, run, workspace } from './workspace.js'

/**
 * A register of two schemes (recommendations numbered by chapter, and areas
 * for improvement) through the real bin: the CLI finds AFI and dotted
 * references, checks them as it checks R ids, and fixes their style.
 */
const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

const register = `inquiry:
  id: nci24
  title: Custody inspection
  published: 2024-05-01
schemes:
  - { prefix: R, keywords: [Recommendation, Recommendations] }
  - { prefix: AFI, keywords: [Area for improvement, Areas for improvement, AFI] }
owners:
  - id: police
    name: West Mercia Police
recommendations:
  - { id: R1, title: Custody records, owners: [police] }
  - { id: R4.1, title: Detention reviews, owners: [police] }
  - { id: R4.2, title: Rest periods, owners: [police] }
  - { id: R4.3, title: Meals, owners: [police] }
  - { id: AFI1, title: Handover briefings, owners: [police] }
  - { id: AFI2, title: Cell checks, owners: [police] }
`

const body =
  'The areas for\nimprovement 1 and 2 were reviewed, then R4.1–R4.3 and Recommendation 4.2.\n\nArea for improvement 7 and nci24:R4.4 were not in the report; version 2.1 and paragraph 4.2 are not references.\n'

describe('followthrough lint with two schemes', () => {
  it('finds AFI and dotted references, and reports unknown ones with positions', async () => {
    const { root, cleanup } = workspace({ 'recommendations.yaml': register, 'minutes/2024-07-01.md': minutes('2024-07-01', body) })
    cleanups.push(cleanup)
    const result = await run(['lint', '--format', 'json'], root)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    const findings = (JSON.parse(result.stdout) as Array<Record<string, unknown>>).map(
      (f) => `${String(f['line'])}:${String(f['column'])}-${String(f['endLine'])}:${String(f['endColumn'])} ${String(f['ruleId'])} ${String(f['message'])}`
    )
    expect(findings).toEqual([
      '12:1-12:23 unknown-recommendation Unexpected unknown recommendation AFI7, expected an id of nci24 such as AFI2 or AFI1',
      '12:28-12:38 unknown-recommendation Unexpected unknown recommendation R4.4, expected an id of nci24 such as R4.3 or R4.2'
    ])
  })

  it('fixes AFI and dotted references to the house style', async () => {
    const { root, cleanup } = workspace({
      'followthrough.config.json': '{ "referenceStyle": "id" }',
      'recommendations.yaml': register,
      'minutes/2024-07-01.md': minutes('2024-07-01', 'Area for improvement 2 and Recommendation 4.2 were met.\n')
    })
    cleanups.push(cleanup)
    const fixed = await run(['lint', '--fix'], root)
    expect(fixed.stderr).toBe('followthrough: fixed 2 problems in minutes/2024-07-01.md\n')
    expect(fixed.code).toBe(0)
    expect(readFileSync(join(root, 'minutes', '2024-07-01.md'), 'utf8')).toContain('\nAFI2 and R4.2 were met.\n')
  })
})
