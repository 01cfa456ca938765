import { describe, expect, it } from 'vitest'
import { messagesOf, run } from '../test/pipeline.js'
import { frontMatter, hmicfrs, iitcse } from '../test/registers.js'
import { defaultSeverities, resolveSeverities, ruleUrl, rules } from './rules.js'

// frontMatter() is 8 lines; the minutes' text starts on line 9.
function lint(text: string, options = {}) {
  return run(frontMatter() + text, { registers: [iitcse], ...options })
}

describe('rules', () => {
  it('lists every rule with its default severity and docs URL', () => {
    expect(rules.map((rule) => [rule.id, rule.severity])).toEqual([
      ['unknown-recommendation', 'error'],
      ['superseded-recommendation', 'warning'],
      ['ambiguous-reference', 'error'],
      ['unknown-register', 'error'],
      ['unknown-status', 'error'],
      ['unknown-response', 'error'],
      ['unknown-assurance', 'error'],
      ['invalid-due-date', 'error'],
      ['due-date-moved-without-reason', 'warning'],
      ['invalid-front-matter', 'error'],
      ['missing-front-matter', 'warning'],
      ['action-without-due-date', 'info'],
      ['invalid-range', 'warning'],
      ['too-complex', 'warning'],
      ['internal-error', 'error']
    ])
    expect(defaultSeverities['action-without-due-date']).toBe('info')
    expect(ruleUrl('unknown-status')).toBe('https://github.com/followthrough/followthrough/blob/main/packages/remark-recommendations/README.md#unknown-status')
    for (const rule of rules) expect(rule.url).toBe(ruleUrl(rule.id))
  })

  it('resolves overrides, ignoring unknown ids and words', () => {
    const resolved = resolveSeverities({ 'invalid-range': 'off', 'no-such-rule': 'error', 'unknown-status': 'loud', 'internal-error': 3 })
    expect(resolved['invalid-range']).toBe('off')
    expect(resolved['unknown-status']).toBe('error')
    expect(resolved['internal-error']).toBe('error')
    expect(Object.keys(resolved)).not.toContain('no-such-rule')
    for (const nothing of [undefined, null, 'off', 3]) expect(resolveSeverities(nothing)).toEqual(defaultSeverities)
  })
})

describe('rule messages', () => {
  it('unknown-recommendation suggests the nearest ids, also as message.expected', () => {
    const file = lint('Recommendation 52 was discussed.\n')
    expect(messagesOf(file)).toEqual(['minutes.md:9:1-9:18: Unexpected unknown recommendation R52, expected an id of iitcse such as R5 or R42'])
    expect(file.messages[0]).toMatchObject({
      ruleId: 'unknown-recommendation',
      source: 'followthrough',
      fatal: true,
      expected: ['R5', 'R42'],
      actual: 'Recommendation 52',
      url: ruleUrl('unknown-recommendation')
    })
  })

  it("unknown-recommendation without a near id names the register's extent", () => {
    expect(messagesOf(lint('R900\n'))).toEqual(['minutes.md:9:1-9:5: Unexpected unknown recommendation R900, expected an id of iitcse (R1 to R47)'])
  })

  it('unknown-recommendation reports the unknown members of one range once', () => {
    expect(messagesOf(lint('R46–R50\n'))).toEqual(['minutes.md:9:1-9:8: Unexpected unknown recommendations R48, R49 and R50, expected ids of iitcse (R1 to R47)'])
  })

  it('superseded-recommendation names the successor', () => {
    const file = lint('Progress on R45.\n')
    expect(messagesOf(file)).toEqual(['minutes.md:9:13-9:16: Unexpected reference to superseded R45, expected its successor R46'])
    expect(file.messages[0]).toMatchObject({ ruleId: 'superseded-recommendation', fatal: false, expected: ['R46'] })
    expect(messagesOf(lint('R44\n'))).toEqual(['minutes.md:9:1-9:4: Unexpected reference to superseded R44, expected a current recommendation'])
  })

  it('ambiguous-reference when several registers and none chosen', () => {
    const file = lint('R3 and iitcse:R4\n', { registers: [iitcse, hmicfrs] })
    expect(messagesOf(file)).toEqual([
      'minutes.md:9:1-9:3: Unexpected unqualified reference R3 with several registers (iitcse, hmicfrs-2023), expected a qualified reference such as iitcse:R3 or a register in the front matter'
    ])
    expect(file.messages[0]).toMatchObject({ ruleId: 'ambiguous-reference', fatal: true, expected: ['iitcse:R3', 'hmicfrs-2023:R3'] })
  })

  it('no ambiguity with a register in the front matter or the plugin option', () => {
    const fromFrontMatter = run(frontMatter('register: hmicfrs-2023\n') + 'R3\n', { registers: [iitcse, hmicfrs] })
    expect(messagesOf(fromFrontMatter)).toEqual([])
    expect(messagesOf(lint('R3\n', { registers: [iitcse, hmicfrs], register: 'iitcse' }))).toEqual([])
  })

  it('unknown-register for a qualifier and for the front matter', () => {
    expect(messagesOf(lint('iitcs:R3\n'))).toEqual(['minutes.md:9:1-9:9: Unexpected unknown register iitcs in iitcs:R3, expected iitcse (one of iitcse)'])
    expect(messagesOf(run(frontMatter('register: hmic\n') + 'Text.\n', { registers: [iitcse, hmicfrs] }))).toEqual([
      'minutes.md:7:11-7:15: Unexpected unknown register hmic in the front matter, expected one of iitcse, hmicfrs-2023'
    ])
  })

  it('unknown-status on the status cell', () => {
    expect(messagesOf(lint('| Rec | Status |\n| --- | --- |\n| R3 | Finished |\n'))).toEqual([
      'minutes.md:11:8-11:16: Unexpected status "Finished", expected ready-for-assessment or implemented (one of not-started, in-progress, ready-for-assessment, implemented, blocked, rejected, superseded)'
    ])
  })

  it('invalid-front-matter and missing-front-matter', () => {
    expect(messagesOf(run('---\nmeeting: x\ndate: 2023-13-01\ntitle: T\nchair: C\nattendees: []\n---\n'))).toEqual([
      'minutes.md:3:7-3:17: Unexpected date "2023-13-01", expected a real calendar date as YYYY-MM-DD'
    ])
    expect(messagesOf(run('Text.\n'))).toEqual([
      'minutes.md:1:1: Unexpected minutes without front matter, expected a YAML block between `---` lines with meeting, date, title, chair and attendees'
    ])
  })

  it('action-without-due-date', () => {
    expect(messagesOf(lint('- [ ] Council to report back\n'))).toEqual([
      'minutes.md:9:7-9:29: Unexpected action without a due date, expected a date such as "by 2023-06-30" or "in June"'
    ])
  })

  it('invalid-range for reversed, too long and mixed-letter ranges', () => {
    expect(messagesOf(run(frontMatter() + 'R5–R3, Recommendations 1 to 500 and R3a–R5.\n'))).toEqual([
      'minutes.md:9:1-9:6: Unexpected range R5–R3 ending before it starts, expected the lower id first (R3–R5)',
      'minutes.md:9:8-9:32: Unexpected range R1–R500 of 500 recommendations, expected at most 200',
      'minutes.md:9:37-9:43: Unexpected range R3a–R5, expected lettered ids to share their number (such as R3a–R3c)'
    ])
  })

  it('reports in source order', () => {
    const file = lint('R99\n\n| Rec | Status |\n| --- | --- |\n| R3 | Nope |\n\nR45\n')
    const lines = file.messages.map((message) => message.line)
    expect(lines).toEqual([...lines].sort((a, b) => (a ?? 0) - (b ?? 0)))
  })
})

describe('severity overrides', () => {
  it("off removes a rule's messages", () => {
    const text = '- [ ] Council to report back\n'
    expect(lint(text).messages).toHaveLength(1)
    expect(lint(text, { rules: { 'action-without-due-date': 'off' } }).messages).toHaveLength(0)
  })

  it('error, warning and info set fatal to true, false and undefined', () => {
    expect(lint('R99\n', { rules: { 'unknown-recommendation': 'warning' } }).messages[0]?.fatal).toBe(false)
    expect(lint('R99\n', { rules: { 'unknown-recommendation': 'info' } }).messages[0]?.fatal).toBeUndefined()
    expect(lint('R45\n', { rules: { 'superseded-recommendation': 'error' } }).messages[0]?.fatal).toBe(true)
  })
})
