import { defineConfig } from 'tsup'
import { library } from '../../tsup.shared.js'

// `dates` and `text` are entries of their own so a program that only checks a
// date or shows a message (the CLI's command line) does not load the schemas and zod.
export default defineConfig(library(['src/index.ts', 'src/dates.ts', 'src/text.ts']))
