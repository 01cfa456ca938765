import { MinutesRecordSchema } from '@followthrough/core'
import { describe, expect, it } from 'vitest'
import { dataOf, run } from '../test/pipeline.js'
import { frontMatter, iitcse } from '../test/registers.js'
import { toMinutesRecord } from './records.js'

describe('toMinutesRecord', () => {
  it('gives core a dated record of references and updates', () => {
    const data = dataOf(
      run(frontMatter() + 'R3 and R4.\n\n| ID | Status | Note |\n| --- | --- | --- |\n| R3 | Implemented | Met |\n', {
        registers: [iitcse]
      })
    )
    const record = toMinutesRecord(data, 'minutes/2023-04-17.md')
    expect(MinutesRecordSchema.safeParse(record).success).toBe(true)
    expect(record).toMatchObject({
      source: 'minutes/2023-04-17.md',
      date: '2023-04-17',
      title: 'Accountability meeting',
      references: [{ id: 'R3', register: 'iitcse', text: 'R3' }, { id: 'R4' }, { id: 'R3' }],
      updates: [{ id: 'R3', register: 'iitcse', status: 'implemented', date: '2023-04-17', note: 'Met', source: 'minutes/2023-04-17.md' }]
    })
  })

  it('gives nothing for minutes without a valid date', () => {
    expect(toMinutesRecord(dataOf(run('R3\n')), 'minutes/x.md')).toBeUndefined()
  })
})
