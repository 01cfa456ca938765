import { defineConfig } from 'tsup'
import type { Plugin } from 'esbuild'

/**
 * The report bundle takes @followthrough/core (with zod and yaml, half its
 * size) from the extension bundle, which already has it, instead of carrying
 * a second copy: see src/progress-view.ts.
 */
const coreFromExtension: Plugin = {
  name: 'core-from-extension',
  setup(build) {
    build.onResolve({ filter: /^@followthrough\/core$/ }, () => ({ path: 'core', namespace: 'core-from-extension' }))
    build.onLoad({ filter: /.*/, namespace: 'core-from-extension' }, () => ({
      contents: "const core = globalThis.__followthroughCore; if (!core) throw new Error('load dist/report.cjs from the extension'); module.exports = core",
      loader: 'js'
    }))
  }
}

/** Everything but the editor's own API goes into the bundles. */
const noExternal = [/^(?!vscode$).*/]

export default defineConfig([
  {
    // The extension: one CommonJS file, loaded by VS Code's extension host.
    entry: { extension: 'src/extension.ts' },
    outDir: 'dist',
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    noExternal,
    minify: true,
    sourcemap: false,
    dts: false,
    clean: false,
    shims: true
  },
  {
    // The HTML report's renderer (Observable Plot, linkedom): loaded only when
    // the progress view first opens, so activation stays fast.
    entry: { report: 'src/report-entry.ts' },
    outDir: 'dist',
    esbuildPlugins: [coreFromExtension],
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    platform: 'node',
    target: 'node20',
    noExternal,
    minify: true,
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
