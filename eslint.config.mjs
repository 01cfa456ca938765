// One ESLint config for every package (each package's `npm run lint` finds it
// here). TypeScript gets typescript-eslint's strict type-checked rules, which
// know the types (a floating promise, a condition that is always true, a
// template that prints `undefined`); the JavaScript scripts and harnesses get
// ESLint's recommended rules with Node's globals.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.cache/**',
      '**/out/**',
      '**/coverage/**',
      '**/bench/.corpus/**',
      '**/.vscode-test/**',
      '**/.readme-*/**',
      // Config bundles tsup and vite write beside a config while a build or a test starts, and remove again: lint runs beside them.
      '**/*.bundled_*.mjs',
      '**/*.timestamp-*.mjs'
    ]
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      // Numbers read plainly in a message ("3 files"); anything else must be made a string on purpose.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } }
  }
)
