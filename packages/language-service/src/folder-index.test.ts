import { MemoryFileSystem } from '@followthrough/engine'
import { assert, describe, expect, it } from 'vitest'
import { minutes, smallRegister } from '../test/helpers.js'
import { FolderIndex } from './folder-index.js'

const silent = { log() {} }

describe('FolderIndex', () => {
  it('keeps the last good config and register while they are being fixed, and lets go of a deleted register', async () => {
    const fs = new MemoryFileSystem({
      '/w/followthrough.config.json': '{ "minutes": ["notes/*.md"] }',
      '/w/recommendations.yaml': smallRegister(),
      '/w/notes/a.md': minutes('2024-01-01', 'R3.')
    })
    const folder = new FolderIndex('/w', fs, silent, () => undefined)
    await (
      await folder.reload()
    ).done
    expect([...folder.minutes.keys()]).toEqual(['/w/notes/a.md'])
    fs.write('/w/followthrough.config.json', '{ "minutes": ["notes/*.md"], ')
    fs.write('/w/recommendations.yaml', 'recommendations: [')
    await (
      await folder.reload()
    ).done
    expect(folder.fileFindings('/w/followthrough.config.json').map((finding) => finding.ruleId)).toEqual(['json-syntax'])
    expect(folder.isMinutes('/w/notes/b.md')).toBe(true)
    expect(folder.registers.map((entry) => [entry.register?.inquiry.id, entry.stale])).toEqual([['iitcse', true]])
    expect(folder.minutesFindings('/w/notes/a.md')).toEqual([])
    fs.delete('/w/recommendations.yaml')
    fs.write('/w/followthrough.config.json', '{ "minutes": ["notes/*.md"] }')
    await (
      await folder.reload()
    ).done
    expect(folder.registers.map((entry) => [entry.register, entry.stale])).toEqual([[undefined, false]])
    expect(folder.fileFindings('/w/recommendations.yaml').map((finding) => finding.ruleId)).toEqual(['register-not-found'])
  })

  it('re-analyses files only when what analysis reads changes', async () => {
    const fs = new MemoryFileSystem({ '/w/recommendations.yaml': smallRegister(), '/w/minutes/a.md': minutes('2024-01-01', 'R3.') })
    const folder = new FolderIndex('/w', fs, silent, () => undefined)
    await (
      await folder.reload()
    ).done
    const before = folder.minutes.get('/w/minutes/a.md')?.analysis
    assert(before, 'an analysis of a.md')
    fs.write('/w/recommendations.yaml', smallRegister().replace('Recommendation number 3 on', 'A new title for'))
    expect((await folder.reload()).reanalysed).toBe(false)
    expect(folder.minutes.get('/w/minutes/a.md')?.analysis).toBe(before)
    fs.write('/w/recommendations.yaml', smallRegister('iitcse', 2))
    const reload = await folder.reload()
    await reload.done
    expect(reload.reanalysed).toBe(true)
    expect(folder.minutesFindings('/w/minutes/a.md').map((finding) => finding.ruleId)).toEqual(['unknown-recommendation'])
  })
})
