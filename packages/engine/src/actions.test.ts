import { describe, expect, it } from 'vitest'
import { minutesActions } from './actions.js'
import { defaultConfig } from './config.js'
import { analyzeMinutes } from './minutes.js'

const front = (date: string) => `---\nmeeting: board\ndate: ${date}\ntitle: Board\nchair: Chair\nattendees: [Chair]\n---\n`

describe('minutesActions', () => {
  it('lists the actions of every file, oldest meeting first, with file, line, owner, due and recommendations', () => {
    const context = { registers: [], config: defaultConfig() }
    const analyses = [
      analyzeMinutes(`${front('2023-09-01')}\nACTION: Council to publish the protocol (R2, R2 and R5).\n`, '/w/b.md', context),
      analyzeMinutes(`${front('2023-03-01')}\n- [ ] Police to report on R1 by 30 June 2023\n- [x] Council to share data by 31 May 2023\n`, '/w/a.md', context)
    ]
    expect(minutesActions(analyses)).toStrictEqual([
      { file: '/w/a.md', line: 9, date: '2023-03-01', text: 'Police to report on R1 by 30 June 2023', owner: 'Police', due: '2023-06-30', done: false, recommendations: ['R1'] },
      { file: '/w/a.md', line: 10, date: '2023-03-01', text: 'Council to share data by 31 May 2023', owner: 'Council', due: '2023-05-31', done: true, recommendations: [] },
      { file: '/w/b.md', line: 9, date: '2023-09-01', text: 'Council to publish the protocol (R2, R2 and R5).', owner: 'Council', done: false, recommendations: ['R2', 'R5'] }
    ])
    expect(minutesActions(analyses, '2023-06-01').map((action) => action.file)).toStrictEqual(['/w/a.md', '/w/a.md'])
  })
})
