import { MemoryFileSystem } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { smallRegister } from '../test/helpers.js'
import { LastGoodLoader } from './last-good.js'

describe('LastGoodLoader', () => {
  it('checks against the last register that validated while it is being typed, and lets go of a deleted one', async () => {
    const fs = new MemoryFileSystem({ '/w/recommendations.yaml': smallRegister() })
    const loader = new LastGoodLoader(fs, '/w')
    const first = await loader.load()
    expect(first.registers.map((entry) => [entry.path, entry.register?.inquiry.id, entry.stale])).toEqual([['/w/recommendations.yaml', 'iitcse', false]])
    expect(first.workspace.context.registers.map((register) => register.recommendations.length)).toEqual([14])
    fs.write('/w/recommendations.yaml', `${smallRegister()}  - id: R15\n    title: [`)
    const typing = await loader.load()
    expect(typing.registers.map((entry) => [entry.register?.inquiry.id, entry.stale])).toEqual([['iitcse', true]])
    expect(typing.workspace.context.registers.map((register) => register.recommendations.length)).toEqual([14])
    expect(typing.workspace.findings.map((finding) => finding.ruleId)).toEqual(['yaml-syntax'])
    fs.delete('/w/recommendations.yaml')
    const deleted = await loader.load()
    expect(deleted.registers.map((entry) => [entry.register, entry.stale])).toEqual([[undefined, false]])
    expect(deleted.workspace.context.registers).toEqual([])
    // Back with errors: the deleted register's last good version is gone too.
    fs.write('/w/recommendations.yaml', 'recommendations: [')
    expect((await loader.load()).registers.map((entry) => [entry.register, entry.stale])).toEqual([[undefined, false]])
  })

  it('keeps the last config that worked while the config has errors', async () => {
    const fs = new MemoryFileSystem({ '/w/followthrough.config.json': '{ "registers": ["r.yaml"], "minutes": ["notes/*.md"] }', '/w/r.yaml': smallRegister('alpha', 2) })
    const loader = new LastGoodLoader(fs, '/w')
    await loader.load()
    fs.write('/w/followthrough.config.json', '{ "registers": ["r.yaml"], ')
    const broken = await loader.load()
    expect(broken.workspace.config.config.minutes).toEqual(['notes/*.md'])
    expect(broken.registers.map((entry) => [entry.path, entry.register?.inquiry.id])).toEqual([['/w/r.yaml', 'alpha']])
    expect(broken.workspace.findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toEqual(['/w/followthrough.config.json json-syntax'])
  })

  it('starts with the defaults when the config never worked', async () => {
    const fs = new MemoryFileSystem({ '/w/followthrough.config.json': '{ "minutes": 3 }' })
    const { workspace, registers } = await new LastGoodLoader(fs, '/w').load()
    expect(workspace.config.config.minutes).toEqual(['minutes/**/*.md'])
    expect(registers).toEqual([])
    expect(workspace.findings.map((finding) => finding.ruleId)).toEqual(['invalid-config'])
  })

  it('finds where ids are written once per text of a register', async () => {
    const fs = new MemoryFileSystem({ '/w/recommendations.yaml': smallRegister() })
    const loader = new LastGoodLoader(fs, '/w')
    const first = (await loader.load()).registers[0]?.locations
    const again = (await loader.load()).registers[0]?.locations
    expect(first?.recommendations.map((entry) => entry.id)).toEqual(Array.from({ length: 14 }, (_, index) => `R${index + 1}`))
    expect(again).toBe(first)
    fs.write('/w/recommendations.yaml', smallRegister('iitcse', 3))
    expect((await loader.load()).registers[0]?.locations.recommendations.length).toBe(3)
  })
})
