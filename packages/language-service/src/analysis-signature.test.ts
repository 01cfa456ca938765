import { loadWorkspace, MemoryFileSystem } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { smallRegister } from '../test/helpers.js'
import { analysisSignature } from './analysis-signature.js'

async function signatureOf(register: string, config = '{}'): Promise<string> {
  return analysisSignature(await loadWorkspace(new MemoryFileSystem({ '/w/followthrough.config.json': config, '/w/recommendations.yaml': register }), '/w'))
}

describe('analysisSignature', () => {
  it('stays the same while only what analysis does not read changes (titles, owners)', async () => {
    const base = await signatureOf(smallRegister())
    expect(await signatureOf(smallRegister().replace('Recommendation number 3 on training', 'A new title'))).toBe(base)
    expect(await signatureOf(smallRegister().replace('name: Telford & Wrekin Council', 'name: The Council'))).toBe(base)
  })

  it('changes with ids, statuses, supersession, the prefix, keywords, rule severities and reference style', async () => {
    const base = await signatureOf(smallRegister())
    const changed = [
      await signatureOf(smallRegister('iitcse', 13)),
      await signatureOf(smallRegister().replace('  - id: R2\n', '  - id: R2\n    status: implemented\n')),
      await signatureOf(smallRegister().replace('  - id: R2\n', '  - id: R2\n    supersededBy: R3\n')),
      await signatureOf(smallRegister(), '{ "prefix": "Rec" }'),
      await signatureOf(smallRegister(), '{ "keywords": ["Recommendation", "Rec"] }'),
      await signatureOf(smallRegister(), '{ "rules": { "unknown-recommendation": "warn" } }'),
      await signatureOf(smallRegister(), '{ "referenceStyle": "id" }')
    ]
    for (const signature of changed) expect(signature).not.toBe(base)
    expect(new Set(changed).size).toBe(changed.length)
  })
})
