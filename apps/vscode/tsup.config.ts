import { defineConfig } from 'tsup'

/** Everything but the editor's own API goes into the bundles. */
const noExternal = [/^(?!vscode$).*/]

export default defineConfig([
  {
    // The extension: one CommonJS file, loaded by VS Code's extension host. A thin
    // client: the language server (dist/server.cjs, see scripts/copy-assets.mjs)
    // does the work. The metafile (dist/metafile-cjs.json) lets a test check that
    // no engine, remark, yaml or zod came in (test/bundle.test.ts).
    entry: { extension: 'src/extension.ts' },
    outDir: 'dist',
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    noExternal,
    minify: true,
    metafile: true,
    sourcemap: false,
    dts: false,
    clean: false,
    shims: true
  },
  {
    // The mocha suite that runs inside VS Code (test/harness/run.mjs); mocha
    // and vscode come from the extension host.
    entry: { index: 'test/suite/index.ts' },
    outDir: 'out/suite',
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    noExternal: [/^(?!vscode$|mocha$).*/],
    sourcemap: 'inline',
    dts: false,
    clean: true
  }
])
