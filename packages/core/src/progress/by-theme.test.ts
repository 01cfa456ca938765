import { describe, expect, it } from 'vitest'
import type { Recommendation } from '../schemas/register.js'
import { byTheme } from './by-theme.js'
import { zeros } from './test-support.js'

function rec(id: string, themes?: string[]): Recommendation {
  return themes === undefined ? { id, title: `Title of ${id}`, owners: ['police'] } : { id, title: `Title of ${id}`, owners: ['police'], themes }
}

describe('byTheme', () => {
  it('counts a recommendation in each of its themes and leaves out those without themes', () => {
    const register = {
      recommendations: [rec('R1', ['training', 'data']), rec('R2', ['training']), rec('R3'), rec('R4', ['data', 'data']), rec('R5', [])]
    }
    const result = byTheme(register, [
      { id: 'R1', status: 'implemented' },
      { id: 'R2', status: 'not-started' },
      { id: 'R3', status: 'implemented' },
      { id: 'R4', status: 'superseded' },
      { id: 'R5', status: 'blocked' }
    ])
    expect(result).toEqual({
      // R1 implemented, R2 not started.
      training: { total: 2, byStatus: { ...zeros, implemented: 1, 'not-started': 1 }, implemented: 1, implementedRatio: 0.5 },
      // R1 implemented; R4 superseded (its duplicate theme counted once).
      data: { total: 1, byStatus: { ...zeros, implemented: 1, superseded: 1 }, implemented: 1, implementedRatio: 1 }
    })
    expect(Object.keys(result)).toEqual(['training', 'data'])
  })

  it('keeps a theme named like a prototype property as an ordinary key', () => {
    const result = byTheme({ recommendations: [rec('R1', ['__proto__'])] }, [{ id: 'R1', status: 'implemented' }])
    expect(Object.keys(result)).toEqual(['__proto__'])
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      ['__proto__']: { total: 1, byStatus: { ...zeros, implemented: 1 }, implemented: 1, implementedRatio: 1 }
    })
  })

  it('is empty for an empty register', () => {
    expect(byTheme({ recommendations: [] }, [])).toEqual({})
  })
})
