import { defineConfig } from 'tsup'
import { library } from '../../tsup.shared.js'

export default defineConfig([
  // The library: dependencies stay external for those who import it.
  library(['src/index.ts'], 'node'),
  {
    // What the bin runs, and what the VS Code extension ships: one bundled file
    // with every dependency inside, so it starts fast and needs no node_modules.
    entry: { server: 'src/main.ts', worker: 'src/analyze-worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    splitting: false,
    banner: {
      // Bundled CommonJS dependencies (vscode-languageserver) call require.
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
    }
  }
])
