import { describe, expect, it } from 'vitest'
import { parseConfig, parseMeeting, parseRegister } from './parse-files.js'
import type { Problem } from './problem.js'

/** `file:line:column-endLine:endColumn: message [rule]`, so positions are compared for free. */
function show(problems: Problem[]): string[] {
  return problems.map((p) => `${p.path ?? ''}:${p.line}:${p.column}-${p.endLine}:${p.endColumn}: ${p.severity}: ${p.message} [${p.ruleId}]`)
}

const valid = `inquiry:
  id: iitcse
  title: Independent Inquiry into Telford Child Sexual Exploitation
  published: 2022-07-12
owners:
  - id: council
    name: Telford & Wrekin Council
  - id: west-mercia-police
    name: West Mercia Police
recommendations:
  - id: R1
    title: Publish a partnership report each year
    owners: [council, west-mercia-police]
    due: 2023-06-30
    status: in-progress
    history:
      - date: 2023-04-17
        status: in-progress
        note: Draft shared with partners
  - id: R2
    title: Review exploitation training
    owners: [west-mercia-police]
    status: superseded
    supersededBy: R1
`

describe('parseRegister', () => {
  it('returns the register when it is valid', () => {
    const result = parseRegister(valid, { path: 'recommendations.yaml' })
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.value?.recommendations.map((r) => r.id)).toEqual(['R1', 'R2'])
    expect(result.value?.recommendations[0]?.history?.[0]).toEqual({ date: '2023-04-17', status: 'in-progress', note: 'Draft shared with partners' })
  })

  it('reads the same register from JSON', () => {
    const json = JSON.stringify(parseRegister(valid).value, null, 2)
    const result = parseRegister(json, { path: 'register.json' })
    expect(result.ok).toBe(true)
    expect(result.value).toEqual(parseRegister(valid).value)
  })

  it('points each schema problem at its node and names the value', () => {
    const text = valid
      .replace('owners: [council, west-mercia-police]', 'owners: [council, wmp]')
      .replace('status: in-progress\n    history', 'status: done\n    history')
      .replace('due: 2023-06-30', 'due: 2023-02-30')
      .replace('supersededBy: R1', 'supersededBy: R9')
      .replace('  - id: R2\n    title: Review exploitation training', '  - id: R1\n    titel: Review exploitation training')
    expect(show(parseRegister(text, { path: 'recommendations.yaml' }).problems)).toEqual([
      'recommendations.yaml:13:23-13:26: error: Unexpected owner "wmp" in R1, expected one of the register\'s owners (council, west-mercia-police) [invalid-register]',
      'recommendations.yaml:14:10-14:20: error: Unexpected date "2023-02-30", expected a real calendar date as YYYY-MM-DD [invalid-register]',
      'recommendations.yaml:15:13-15:17: error: Unexpected status "done", expected one of not-started, in-progress, ready-for-assessment, implemented, blocked, rejected, superseded [invalid-register]',
      'recommendations.yaml:20:5-20:11: error: Missing "title", expected text [invalid-register]',
      'recommendations.yaml:20:9-20:11: error: Unexpected duplicate recommendation id "R1", expected each id once [invalid-register]',
      'recommendations.yaml:21:5-21:10: error: Unexpected key "titel", expected "title" [invalid-register]',
      'recommendations.yaml:24:19-24:21: error: Unexpected unknown recommendation "R9" in supersededBy of R1, expected an id of this register [invalid-register]'
    ])
  })

  it('reports duplicate keys as errors', () => {
    const text = valid.replace('    name: West Mercia Police', '    name: West Mercia Police\n    name: WMP')
    const result = parseRegister(text, { path: 'r.yaml' })
    expect(result.ok).toBe(false)
    expect(show(result.problems)).toEqual(['r.yaml:10:5-10:9: error: Unexpected duplicate key "name", expected each key once in a mapping (first on line 9) [duplicate-key]'])
  })

  it('reports YAML syntax errors where they are', () => {
    const result = parseRegister('inquiry:\n  id: [iitcse\nowners: []\n', { path: 'r.yaml' })
    expect(result.ok).toBe(false)
    expect(result.problems[0]).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error', line: 3 })
  })

  it('reports JSON syntax errors as json-syntax', () => {
    const result = parseRegister('{"inquiry": {"id": "x",\n', { path: 'r.json' })
    expect(result.ok).toBe(false)
    expect(result.problems[0]?.ruleId).toBe('json-syntax')
    expect(result.problems[0]?.line).toBe(2)
  })

  it('explains a wrongly typed or missing section', () => {
    expect(show(parseRegister('{"inquiry": 1, "owners": {}}', { path: 'r.json' }).problems)).toEqual([
      'r.json:1:1-1:29: error: Missing "recommendations", expected a list [invalid-register]',
      'r.json:1:13-1:14: error: Unexpected number 1, expected a mapping [invalid-register]',
      'r.json:1:16-1:24: error: Unexpected mapping, expected a list [invalid-register]'
    ])
  })

  it('never throws, whatever the input', () => {
    for (const text of ['', '---\n---\n', '- 1\n- 2', '!!binary x', 'a: *b', '[[[[', '\u0000', 'a: &a [*a]', '"unterminated']) {
      const result = parseRegister(text, { path: 'r.yaml' })
      expect(result.ok).toBe(false)
      expect(result.problems.length).toBeGreaterThan(0)
      for (const problem of result.problems) {
        expect(problem.line).toBeGreaterThanOrEqual(1)
        expect(problem.column).toBeGreaterThanOrEqual(1)
      }
    }
  })
})

describe('parseConfig', () => {
  it('fills in the defaults', () => {
    const result = parseConfig('{}')
    expect(result.value).toEqual({
      registers: ['recommendations.yaml'],
      minutes: ['minutes/**/*.md'],
      prefix: 'R',
      keywords: ['Recommendation', 'Recommendations', 'Rec', 'Rec.', 'Recs'],
      rules: {}
    })
  })

  it('points at unknown keys and bad severities', () => {
    const result = parseConfig('{\n  "register": ["a.yaml"],\n  "rules": { "unknown-status": "err" }\n}\n', { path: 'followthrough.config.json' })
    expect(show(result.problems)).toEqual([
      'followthrough.config.json:2:3-2:13: error: Unexpected key "register", expected "registers" [invalid-config]',
      'followthrough.config.json:3:32-3:37: error: Unexpected severity "err", expected error, warning, info or off [invalid-config]'
    ])
  })
})

describe('parseMeeting', () => {
  const yaml = 'meeting: accountability\ndate: 2023-04-17\ntitle: Accountability meeting\nchair: John Campion\nattendees: [Pippa Mills]'

  it('validates front matter and keeps extra keys', () => {
    const result = parseMeeting(`${yaml}\nlocation: Worcester`)
    expect(result.ok).toBe(true)
    expect(result.value).toMatchObject({ meeting: 'accountability', date: '2023-04-17', location: 'Worcester' })
  })

  it('shifts positions by the origin so they point into the minutes', () => {
    // The YAML starts on line 2 of the Markdown file, after `---\n` (4 characters).
    const result = parseMeeting(yaml.replace('2023-04-17', '17/04/2023'), { path: 'minutes.md', origin: { line: 2, offset: 4 } })
    expect(show(result.problems)).toEqual(['minutes.md:3:7-3:17: error: Unexpected date "17/04/2023", expected an ISO date as YYYY-MM-DD [invalid-front-matter]'])
    expect(result.problems[0]?.offset).toBe(4 + yaml.indexOf('2023-04-17') - 0)
  })
})
