import { build, type Metafile } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'

// The service runs anywhere a language server or an editor runs, a browser
// included: bundled for the browser with everything it imports, nothing may
// need Node's built-ins, and nothing may come from the language server's
// libraries (vscode-languageserver and what it brings), only LSP's types.
describe('language-service purity', () => {
  let inputs: string[] = []
  let imports: Metafile['outputs'][string]['imports'] = []

  beforeAll(async () => {
    const result = await build({
      entryPoints: [new URL('index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent'
    })
    inputs = Object.keys(result.metafile.inputs)
    imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports)
  })

  it('bundles for the browser with every import resolved, no Node built-in among them', () => {
    expect(imports).toEqual([])
    expect(inputs.filter((input) => input.startsWith('node:') || /(^|\/)node_modules\/(fs|path|os|url|worker_threads)\//.test(input))).toEqual([])
  })

  it("takes LSP's types and values from vscode-languageserver-types and URIs from vscode-uri, nothing from the server libraries", () => {
    const packages = new Set(inputs.flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []))
    expect(packages).toContain('vscode-languageserver-types')
    expect(packages).toContain('vscode-uri')
    expect([...packages].filter((name) => /^vscode-(languageserver|languageserver-protocol|jsonrpc)$|^vscode$/.test(name))).toEqual([])
  })
})
