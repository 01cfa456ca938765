import { defineConfig } from 'tsup'

export default defineConfig({
  // `dates` and `text` are entries of their own so a program that only checks a
  // date or shows a message (the CLI's command line) does not load the schemas and zod.
  entry: ['src/index.ts', 'src/dates.ts', 'src/text.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral'
})
