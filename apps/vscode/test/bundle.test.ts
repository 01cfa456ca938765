/**
 * The extension is a thin client: its bundle carries the language client and
 * the extension's own code, never the engine. Read from the metafile esbuild
 * writes beside the bundle (tsup `metafile: true`), so the check names every
 * input that came in, not a guess from the minified text.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { assert, describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const metafile = join(root, 'dist', 'metafile-cjs.json')

/** What the extension must not bundle: the engine and everything only it needs. */
const forbidden = [
  // Followthrough's own packages below the protocol (core pulls zod and yaml in).
  /(^|\/)packages\/(core|engine|remark-recommendations|report|language-server)\//,
  /(^|\/)node_modules\/@followthrough\/(core|engine|remark-recommendations|report|language-server)\//,
  // The engine's libraries.
  /(^|\/)node_modules\/(zod|yaml|unified|vfile|vfile-message|micromark[^/]*|mdast-[^/]+|remark[^/]*|unist-[^/]+|@observablehq|d3[^/]*|linkedom|fdir|picomatch)\//
]

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; bytes: number }>
}

describe('dist/extension.cjs', () => {
  if (!existsSync(metafile)) throw new Error(`${metafile} is missing: run \`npm run build\` first`)
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile
  const output = meta.outputs['dist/extension.cjs']

  it('is described by the metafile', () => {
    assert(output, `dist/extension.cjs among the outputs: ${Object.keys(meta.outputs).join(', ')}`)
    expect(output.bytes).toBe(statSync(join(root, 'dist', 'extension.cjs')).size)
  })

  it('imports no engine, remark, yaml or zod (only the language client and its own code)', () => {
    assert(output, 'dist/extension.cjs among the outputs')
    const inputs = Object.keys(output.inputs)
    expect(inputs.filter((input) => forbidden.some((pattern) => pattern.test(input)))).toEqual([])
    // What it does take from Followthrough: the custom protocol's names and the preview's markdown-it plugin, nothing else.
    const ours = inputs.filter((input) => /(^|\/)(packages|@followthrough)\//.test(input))
    expect(ours.filter((input) => !/(language-service\/dist\/(custom-protocol|chunk-[A-Z0-9]+)|markdown-it-recommendations\/dist\/index)\.js$/.test(input))).toEqual([])
    expect(ours.some((input) => input.endsWith('/custom-protocol.js'))).toBe(true)
    expect(ours.some((input) => input.endsWith('markdown-it-recommendations/dist/index.js'))).toBe(true)
  })

  it('brings no markdown-it of its own: the plugin extends the instance the preview gives it', () => {
    assert(output, 'dist/extension.cjs among the outputs')
    expect(Object.keys(output.inputs).filter((input) => /(^|\/)node_modules\/(markdown-it|linkify-it|mdurl|uc\.micro|entities|punycode)[^/]*\//.test(input))).toEqual([])
  })

  it('shares nothing through globalThis', () => {
    expect(readFileSync(join(root, 'dist', 'extension.cjs'), 'utf8')).not.toContain('__followthroughCore')
  })
})
