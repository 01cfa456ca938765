import { assert, describe, expect, it } from 'vitest'
import { dataOf, messagesOf, run } from '../test/pipeline.js'
import { frontMatter, hmicfrs, iitcse } from '../test/registers.js'
import { frontMatterOrigin } from './meeting.js'

describe('frontMatterOrigin', () => {
  it('is the line after the opening fence, CRLF aware', () => {
    expect(frontMatterOrigin('---\na: 1\n---\n', 0, 1)).toEqual({ line: 2, offset: 4 })
    expect(frontMatterOrigin('---\r\na: 1\r\n---\r\n', 0, 1)).toEqual({ line: 2, offset: 5 })
    expect(frontMatterOrigin('---', 0, 1)).toEqual({ line: 2, offset: 3 })
  })
})

describe('the meeting in minutes', () => {
  it('puts valid front matter on data.meeting', () => {
    const data = dataOf(run(frontMatter('register: iitcse\n') + 'Text.\n'))
    expect(data.meeting).toEqual({
      meeting: 'accountability',
      date: '2023-04-17',
      title: 'Accountability meeting',
      chair: 'PCC',
      attendees: ['PCC', 'Chief Constable'],
      register: 'iitcse'
    })
    expect(data.register).toBe('iitcse')
  })

  it('points problems into the minutes, not into the YAML alone', () => {
    const file = run('---\nmeeting: accountability\ndate: 2023-02-30\ntitle: T\nchair: C\nattendees: [A]\n---\n\nText.\n')
    expect(messagesOf(file)).toEqual(['minutes.md:3:7-3:17: Unexpected date "2023-02-30", expected a real calendar date as YYYY-MM-DD'])
    expect(file.messages[0]).toMatchObject({ ruleId: 'invalid-front-matter', source: 'followthrough', fatal: true })
    expect(dataOf(file).meeting).toBeUndefined()
  })

  it('points problems into CRLF minutes too', () => {
    const file = run('---\r\nmeeting: accountability\r\ndate: 2023-02-30\r\ntitle: T\r\nchair: C\r\nattendees: [A]\r\n---\r\n\r\nText.\r\n')
    expect(messagesOf(file)).toEqual(['minutes.md:3:7-3:17: Unexpected date "2023-02-30", expected a real calendar date as YYYY-MM-DD'])
    const [message] = file.messages
    assert.isDefined(message)
    expect(message.place).toMatchObject({ start: { offset: 36 }, end: { offset: 46 } })
  })

  it('reports missing keys and YAML syntax errors', () => {
    expect(messagesOf(run('---\ndate: 2023-01-01\n---\n'))).toEqual([
      'minutes.md:2:1-2:17: Missing "meeting", expected text',
      'minutes.md:2:1-2:17: Missing "title", expected text',
      'minutes.md:2:1-2:17: Missing "chair", expected text',
      'minutes.md:2:1-2:17: Missing "attendees", expected a list'
    ])
    const syntax = run('---\nmeeting: [unclosed\n---\n')
    expect(syntax.messages.length).toBeGreaterThan(0)
    expect(syntax.messages.every((message) => message.ruleId === 'invalid-front-matter' && message.line !== undefined && message.line >= 2)).toBe(true)
  })

  it('reports empty front matter as a mapping that is missing', () => {
    const file = run('---\n---\n\nText.\n')
    expect(messagesOf(file)).toEqual(['minutes.md:2:1-2:1: Unexpected null, expected a mapping'])
  })

  it('warns at 1:1 when there is no front matter', () => {
    const file = run('# Minutes\n\nR1.\n')
    expect(messagesOf(file)).toEqual([
      'minutes.md:1:1: Unexpected minutes without front matter, expected a YAML block between `---` lines with meeting, date, title, chair and attendees'
    ])
    expect(file.messages[0]).toMatchObject({ ruleId: 'missing-front-matter', fatal: false })
  })

  it('still reads `register` from front matter that is otherwise invalid', () => {
    const file = run('---\nregister: hmicfrs-2023\n---\n\nR3\n', { registers: [iitcse, hmicfrs] })
    expect(dataOf(file).register).toBe('hmicfrs-2023')
    expect(dataOf(file).references[0]?.register).toBe('hmicfrs-2023')
    expect(file.messages.some((message) => message.ruleId === 'ambiguous-reference')).toBe(false)
  })
})
