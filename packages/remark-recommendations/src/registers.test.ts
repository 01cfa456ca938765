import { assert, describe, expect, it } from 'vitest'
import { iitcse, inspection } from '../test/registers.js'
import { extent, indexRegisters, orList, suggestIds, supersession, type IndexedRecommendation } from './registers.js'

const index = indexRegisters([iitcse])
const register = index.registers.get('iitcse')
assert.isDefined(register)

function recommendation(id: string): IndexedRecommendation {
  const found = register?.recommendations.get(id)
  assert.isDefined(found, id)
  return found
}

describe('registers', () => {
  it('indexes registers by id, in order', () => {
    expect(index.ids).toEqual(['iitcse'])
    expect(register.recommendations.has('R12a')).toBe(true)
    expect(extent(register)).toBe('R1 to R47')
  })

  it('suggests a key pressed once too often first, then the nearest number', () => {
    expect(suggestIds('R52', register)).toEqual(['R5', 'R42'])
    expect(suggestIds('R4', register)).toEqual(['R40', 'R41'])
    expect(suggestIds('R12b', register)).toEqual(['R12', 'R12a'])
    expect(suggestIds('R900', register)).toEqual([])
  })

  it('with several kinds of item, suggests and names the extent of the same kind, in the order people count', () => {
    const nci24 = indexRegisters([inspection]).registers.get('nci24')
    assert.isDefined(nci24)
    expect(suggestIds('R4.4', nci24)).toEqual(['R4.3', 'R4.2'])
    expect(suggestIds('AFI9', nci24)).toEqual(['AFI5', 'AFI4'])
    expect(extent(nci24)).toBe('AFI1 to R6a')
    expect(extent(nci24, 'AFI9')).toBe('AFI1 to AFI5')
    expect(extent(nci24, 'R7')).toBe('R1 to R6a')
    expect(extent(nci24, 'X1')).toBe('AFI1 to R6a')
  })

  it('knows superseded recommendations and their successors', () => {
    expect(supersession(recommendation('R45'))).toEqual({ successor: 'R46' })
    expect(supersession(recommendation('R44'))).toEqual({})
    expect(supersession(recommendation('R1'))).toBeUndefined()
  })

  it('joins lists for messages', () => {
    expect(orList([])).toBe('')
    expect(orList(['R5'])).toBe('R5')
    expect(orList(['R5', 'R42', 'R43'])).toBe('R5, R42 or R43')
  })
})
