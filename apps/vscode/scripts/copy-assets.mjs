// After tsup: copy core's JSON Schemas into schemas/ (for contributes.jsonValidation)
// and bundle the language server into dist/server.cjs, so the .vsix needs nothing else.
import { build } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))

// 1. JSON Schemas.
const coreSchemas = join(dirname(require.resolve('@followthrough/core/package.json')), 'schemas')
mkdirSync(join(root, 'schemas'), { recursive: true })
for (const file of readdirSync(coreSchemas).filter((name) => name.endsWith('.schema.json'))) {
  copyFileSync(join(coreSchemas, file), join(root, 'schemas', file))
}

// 2. The language server, with everything it imports, as one CommonJS file.
const serverPackage = dirname(require.resolve('@followthrough/language-server/package.json'))
if (!existsSync(join(serverPackage, 'dist', 'index.js'))) {
  console.error(`copy-assets: @followthrough/language-server is not built (${serverPackage}/dist; run \`npm run build\` at the repository's root)`)
  process.exit(1)
}
const entry = join(root, 'scripts', 'server-entry.mjs')
// The report's DOM (linkedom) tries `require('canvas')` and falls back to a shim: bundle the shim,
// so the server never loads a native module from wherever it happens to be installed.
const fromServer = createRequire(require.resolve('@followthrough/language-server/package.json'))
const linkedom = dirname(createRequire(fromServer.resolve('@followthrough/report/package.json')).resolve('linkedom/package.json'))
const canvasShim = join(linkedom, 'commonjs', 'canvas-shim.cjs')
const noCanvas = {
  name: 'no-canvas',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^canvas$/ }, () => ({ path: canvasShim }))
  }
}
await build({
  entryPoints: [entry],
  outfile: join(root, 'dist', 'server.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  // ESM dependencies may read import.meta.url (fdir's createRequire): give them this file's URL.
  define: { 'import.meta.url': '__followthroughImportMetaUrl' },
  banner: { js: "var __followthroughImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [noCanvas],
  logLevel: 'warning'
})
const size = statSync(join(root, 'dist', 'server.cjs')).size
console.log(`copy-assets: schemas/ from @followthrough/core, dist/server.cjs (${Math.round(size / 1024)} KB) from @followthrough/language-server`)
