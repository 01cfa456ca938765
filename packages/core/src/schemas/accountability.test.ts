import { describe, expect, it } from 'vitest'
import { parseRegister } from '../parse-files.js'
import type { Problem } from '../problem.js'
import { StatusUpdateSchema } from './records.js'

function show(problems: Problem[]): string[] {
  return problems.map((p) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn}: ${p.severity}: ${p.message} [${p.ruleId}]`)
}

const register = `inquiry:
  id: nci24
  title: Custody inspection
  published: 2024-03-01
  responseDays: 56
schemes:
  - { prefix: R, keywords: [Recommendation, Recommendations] }
  - { prefix: AFI, keywords: [Area for improvement, Areas for improvement] }
owners:
  - id: force
    name: The force
recommendations:
  - id: R4.2
    title: Dotted
    owners: [force]
    due: 2024-09-30
    response: { decision: accepted, date: 2024-04-20, note: Agreed in full }
    history:
      - date: 2024-06-01
        status: implemented
        assurance: evidenced
        evidence:
          - { title: Custody policy v3, href: 'https://example.org/policy.pdf', date: 2024-05-30 }
        by: force
      - date: 2024-07-01
        due: 2025-03-31
        reason: supplier delay
  - id: AFI3
    title: Lettered scheme
    owners: [force]
  - id: R12a
    title: Lettered
    owners: [force]
`

describe('accountability fields in a register', () => {
  it('reads responses, schemes, evidence, assurance and a due-only entry', () => {
    const result = parseRegister(register, { path: 'r.yaml' })
    expect(show(result.problems)).toEqual([])
    const [first] = result.value?.recommendations ?? []
    expect(first?.response).toEqual({ decision: 'accepted', date: '2024-04-20', note: 'Agreed in full' })
    expect(first?.history?.[1]).toEqual({ date: '2024-07-01', due: '2025-03-31', reason: 'supplier delay' })
    expect(result.value?.inquiry.responseDays).toBe(56)
    expect(result.value?.schemes?.[1]).toEqual({ prefix: 'AFI', keywords: ['Area for improvement', 'Areas for improvement'] })
  })

  it('points at an unknown assurance with the expected words', () => {
    const text = register.replace('assurance: evidenced', 'assurance: checked')
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual([
      '21:20-21:27: error: Unexpected assurance "checked", expected one of claimed, evidenced, verified [invalid-register]'
    ])
  })

  it('points at an unknown response decision', () => {
    const text = register.replace('decision: accepted', 'decision: agreed')
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual([
      '17:27-17:33: error: Unexpected response "agreed", expected one of accepted, accepted-in-principle, partially-accepted, not-accepted [invalid-register]'
    ])
  })

  it('points at a response without a date and at a bad response date', () => {
    expect(show(parseRegister(register.replace(', date: 2024-04-20', ''), { path: 'r.yaml' }).problems)).toEqual([
      '17:15-17:59: error: Missing "date", expected text [invalid-register]'
    ])
    expect(show(parseRegister(register.replace('date: 2024-04-20', 'date: 2024-04-31'), { path: 'r.yaml' }).problems)).toEqual([
      '17:43-17:53: error: Unexpected date "2024-04-31", expected a real calendar date as YYYY-MM-DD [invalid-register]'
    ])
  })

  it('points at responseDays that are not a whole number of days', () => {
    expect(show(parseRegister(register.replace('responseDays: 56', 'responseDays: 8 weeks'), { path: 'r.yaml' }).problems)).toEqual([
      '5:17-5:24: error: Unexpected string "8 weeks", expected a whole number of days such as 56 [invalid-register]'
    ])
    expect(show(parseRegister(register.replace('responseDays: 56', 'responseDays: 0'), { path: 'r.yaml' }).problems)).toEqual([
      '5:17-5:18: error: Unexpected number 0, expected a whole number of days of at least 1 [invalid-register]'
    ])
  })

  it('points at evidence without a title, and at a bad evidence date', () => {
    expect(show(parseRegister(register.replace('title: Custody policy v3, ', ''), { path: 'r.yaml' }).problems)).toEqual([
      '23:13-23:73: error: Missing "title", expected text [invalid-register]'
    ])
    expect(show(parseRegister(register.replace('date: 2024-05-30', 'date: last May'), { path: 'r.yaml' }).problems)).toEqual([
      '23:87-23:95: error: Unexpected date "last May", expected an ISO date as YYYY-MM-DD [invalid-register]'
    ])
  })

  it('points at a history entry with neither status nor due', () => {
    const text = register.replace('        due: 2025-03-31\n', '')
    expect(show(parseRegister(text, { path: 'r.yaml' }).problems)).toEqual([
      '25:9-25:25: error: Unexpected history entry without status or due, expected a status, a revised due date or both [invalid-register]'
    ])
  })

  it('points at a bad revised due date and a bad scheme prefix', () => {
    expect(show(parseRegister(register.replace('due: 2025-03-31', 'due: 2025-02-30'), { path: 'r.yaml' }).problems)).toEqual([
      '26:14-26:24: error: Unexpected date "2025-02-30", expected a real calendar date as YYYY-MM-DD [invalid-register]'
    ])
    expect(show(parseRegister(register.replace('prefix: AFI', 'prefix: afi'), { path: 'r.yaml' }).problems)).toEqual([
      '8:15-8:18: error: Unexpected prefix "afi", expected letters starting with a capital, such as "R" or "AFI" [invalid-register]'
    ])
  })

  it('points at empty scheme keywords, and at a by or reason that is not text', () => {
    expect(show(parseRegister(register.replace('keywords: [Recommendation, Recommendations]', 'keywords: []'), { path: 'r.yaml' }).problems)).toEqual([
      '7:18-7:26: error: Unexpected empty list of keywords, expected at least one keyword [invalid-register]'
    ])
    expect(show(parseRegister(register.replace('by: force', 'by: [force]'), { path: 'r.yaml' }).problems)).toEqual([
      '24:9-24:11: error: Unexpected list, expected text [invalid-register]'
    ])
    expect(show(parseRegister(register.replace('reason: supplier delay', 'reason: { a: 1 }'), { path: 'r.yaml' }).problems)).toEqual([
      '27:9-27:15: error: Unexpected mapping, expected text [invalid-register]'
    ])
  })

  it('keeps a register without any of it meaning what it meant', () => {
    const plain = register
      .replace('  responseDays: 56\n', '')
      .replace(/schemes:\n(?: {2}- .*\n)+/, '')
      .replace(/ {4}response: .*\n/, '')
    expect(show(parseRegister(plain, { path: 'r.yaml' }).problems)).toEqual([])
  })
})

describe('accountability fields in a status update', () => {
  it('accepts a row that only moves the due date, and names a bad assurance', () => {
    expect(StatusUpdateSchema.safeParse({ id: 'AFI2', date: '2024-07-01', due: '2025-01-31', reason: 'staff shortage' }).success).toBe(true)
    const bad = StatusUpdateSchema.safeParse({ id: 'R4.2', status: 'implemented', date: '2024-07-01', assurance: 'checked' })
    expect(bad.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'assurance: Unexpected assurance "checked", expected one of claimed, evidenced, verified'
    ])
  })
})
