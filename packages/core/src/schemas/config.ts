import * as z from 'zod'

/** How a rule's findings are reported, or `off`. */
export const SeveritySchema = z.enum(['error', 'warning', 'info', 'off'], {
  error: (issue) => `Unexpected severity ${JSON.stringify(issue.input)}, expected error, warning, info or off`
})

/** How a rule's findings are reported, or `off`. */
export type Severity = z.infer<typeof SeveritySchema>

/** The keywords that start a prose reference, by default. */
export const defaultKeywords = ['Recommendation', 'Recommendations', 'Rec', 'Rec.', 'Recs'] as const

/** The configuration in `followthrough.config.json`; every key has a default. */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema this file follows (for editors).'),
  registers: z.array(z.string().min(1)).default(['recommendations.yaml']).describe('Register files (YAML or JSON), relative to this file.'),
  minutes: z.array(z.string().min(1)).default(['minutes/**/*.md']).describe('Globs of minutes files, relative to this file.'),
  prefix: z
    .string()
    .regex(/^[A-Z][A-Za-z]*$/, { error: 'Unexpected prefix, expected letters starting with a capital, such as "R"' })
    .default('R')
    .describe('The prefix of recommendation ids, such as `R` in `R12`.'),
  keywords: z
    .array(z.string().min(1))
    .default([...defaultKeywords])
    .describe('Words that start a prose reference, such as "Recommendation 12" (matched case-insensitively).'),
  referenceStyle: z
    .enum(['prose', 'id'], { error: (issue) => `Unexpected reference style ${JSON.stringify(issue.input)}, expected "prose" or "id"` })
    .optional()
    .describe('House style for single references: "prose" writes "Recommendation 12", "id" writes "R12". `followthrough lint --fix` rewrites the others.'),
  rules: z.record(z.string(), SeveritySchema).default({}).describe('Severity per rule id, such as `{ "action-without-due-date": "off" }`.')
})

/** The configuration with every default filled in. */
export type Config = z.infer<typeof ConfigSchema>

/** The configuration as written in `followthrough.config.json`. */
export type ConfigInput = z.input<typeof ConfigSchema>
