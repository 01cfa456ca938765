import { build } from 'esbuild'
import { join } from 'node:path'
import { assert, describe, expect, it } from 'vitest'

// What a tool that only parses registers carries of zod: core imports zod as a
// namespace (`import * as z from 'zod'`), so a bundler keeps the parts it uses
// and leaves out zod's forty-odd locale tables (`import { z }` pulls them all in).
describe('a minimal bundle of core', () => {
  it('carries no zod locale but English, and under 150 KB of zod', async () => {
    const result = await build({
      stdin: { contents: "export { parseRegister } from './src/index.ts'", resolveDir: join(import.meta.dirname, '..'), loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      logLevel: 'silent'
    })
    const [output] = Object.values(result.metafile.outputs)
    assert.isDefined(output, 'the bundle has an output')
    const inputs = Object.entries(output.inputs)
    const zod = inputs.filter(([path]) => path.includes('node_modules/zod/'))
    expect(zod.length).toBeGreaterThan(0)
    expect(zod.map(([path]) => path).filter((path) => /\/locales\/(?!en\.js$)/.test(path))).toEqual([])
    expect(zod.reduce((total, [, input]) => total + input.bytesInOutput, 0)).toBeLessThan(150_000)
  })
})
