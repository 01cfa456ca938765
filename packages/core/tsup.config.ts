import { defineConfig } from 'tsup'

export default defineConfig({
  // `dates` is an entry of its own so a program that only checks a date
  // (the CLI's command line) does not load the schemas and zod.
  entry: ['src/index.ts', 'src/dates.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral'
})
