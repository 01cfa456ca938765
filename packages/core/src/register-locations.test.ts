import { assert, describe, expect, it } from 'vitest'
import { locateRegister } from './register-locations.js'

const yaml = `inquiry:
  id: iitcse
  title: Telford
  published: 2022-07-12
owners:
  - id: council
    name: Council
recommendations:
  - id: R1
    title: First
    owners: [council]

  - id: "R12"
    title: Twelfth
    owners: [council]
    supersededBy: R1
`

function at(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end)
}

describe('locateRegister', () => {
  it('finds ids, entries and supersededBy in YAML, quotes excluded', () => {
    const found = locateRegister(yaml)
    expect(found.inquiry && at(yaml, found.inquiry.range)).toBe('iitcse')
    expect(found.owners.map((owner) => owner.id)).toEqual(['council'])
    const [first, twelfth] = found.recommendations
    assert.isDefined(first)
    assert.isDefined(twelfth)
    expect(first).toMatchObject({ id: 'R1', index: 0, idRange: { line: 9, column: 9, endLine: 9, endColumn: 11 } })
    expect(at(yaml, first.entryRange)).toBe('id: R1\n    title: First\n    owners: [council]')
    expect(twelfth).toMatchObject({ id: 'R12', index: 1, idRange: { line: 13, column: 10, endColumn: 13 } })
    expect(at(yaml, twelfth.idRange)).toBe('R12')
    assert.isDefined(twelfth.supersededBy)
    expect(twelfth.supersededBy.id).toBe('R1')
    expect(at(yaml, twelfth.supersededBy.range)).toBe('R1')
  })

  it('reads JSON registers', () => {
    const json =
      '{\n  "inquiry": { "id": "x", "title": "T", "published": "2022-01-01" },\n  "owners": [],\n  "recommendations": [\n    { "id": "R7", "title": "Seven", "owners": ["a"] }\n  ]\n}\n'
    const [seven] = locateRegister(json).recommendations
    assert.isDefined(seven)
    expect(seven).toMatchObject({ id: 'R7', idRange: { line: 5, column: 14 } })
    expect(at(json, seven.idRange)).toBe('R7')
    expect(at(json, seven.entryRange)).toBe('{ "id": "R7", "title": "Seven", "owners": ["a"] }')
  })

  it('keeps locating in a register that does not validate or is half-typed', () => {
    const broken = 'recommendations:\n  - id: R1\n    title: [unclosed\n  - id: R2\n'
    expect(locateRegister(broken).recommendations.map((entry) => entry.id)).toContain('R1')
    expect(locateRegister('recommendations:\n  - id: R1\n  - id: R1\n').recommendations.map((entry) => entry.index)).toEqual([0, 1])
  })

  it('finds nothing in empty, scalar or CRLF-free garbage input, and never throws', () => {
    expect(locateRegister('')).toEqual({ owners: [], recommendations: [] })
    expect(locateRegister('just text')).toEqual({ owners: [], recommendations: [] })
    expect(locateRegister(':\n- ]][[').recommendations).toEqual([])
    expect(locateRegister('recommendations: 3').recommendations).toEqual([])
  })

  it('counts lines across CRLF', () => {
    const crlf = yaml.replaceAll('\n', '\r\n')
    const twelfth = locateRegister(crlf).recommendations[1]
    assert.isDefined(twelfth)
    expect(twelfth.idRange).toMatchObject({ line: 13, column: 10 })
    expect(at(crlf, twelfth.idRange)).toBe('R12')
  })
})

describe('locateRegister: due-date revisions', () => {
  it('finds each history entry with a due date, its value and whether it gives a reason', () => {
    const text = `recommendations:
  - id: R3
    history:
      - { date: 2023-01-10, status: in-progress }
      - date: 2023-05-01
        due: 2024-03-31
        reason: Supplier delay
      - date: 2023-09-01
        due: "2024-09-30"
      - { date: 2023-10-01, due: 2024-12-31, reason: "" }
`
    const [r3] = locateRegister(text).recommendations
    assert.isDefined(r3)
    expect(r3.dueRevisions.map((revision) => [revision.index, at(text, revision.due), revision.reason, revision.due.line])).toEqual([
      [1, '2024-03-31', true, 6],
      [2, '"2024-09-30"', false, 9],
      [3, '2024-12-31', false, 10]
    ])
  })
})
