import * as z from 'zod'
import { isIsoDate } from '../dates.js'

/** An ISO calendar date, `YYYY-MM-DD`, that exists (`2023-02-30` does not). */
export const IsoDateSchema = z
  .string({ error: (issue) => `Unexpected ${describe(issue.input)}, expected an ISO date (YYYY-MM-DD)` })
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: (issue) => `Unexpected date ${JSON.stringify(issue.input)}, expected an ISO date as YYYY-MM-DD`,
    abort: true
  })
  .refine(isIsoDate, {
    error: (issue) => `Unexpected date ${JSON.stringify(issue.input)}, expected a real calendar date as YYYY-MM-DD`
  })

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDateSchema>

/**
 * A recommendation id: a letter prefix, a number, optionally dotted, and an
 * optional lowercase letter, such as `R12`, `R4.2`, `AFI3` or `R12a`.
 */
export const RecommendationIdSchema = z
  .string({ error: (issue) => `Unexpected ${describe(issue.input)}, expected a recommendation id such as "R12"` })
  .regex(/^[A-Z][A-Za-z]*\d+(?:\.\d+)*[a-z]?$/, {
    error: (issue) =>
      `Unexpected recommendation id ${JSON.stringify(issue.input)}, expected a letter prefix, a number (optionally dotted) and an optional letter, such as "R12", "R4.2" or "R12a"`
  })

/** A recommendation id such as `R12`. */
export type RecommendationId = z.infer<typeof RecommendationIdSchema>

/**
 * An identifier for an owner or a register: lowercase letters, digits and
 * hyphens, as used in `iitcse:R12`.
 */
export const SlugSchema = z.string({ error: (issue) => `Unexpected ${describe(issue.input)}, expected an id such as "west-mercia-police"` }).regex(/^[a-z0-9][a-z0-9_-]*$/, {
  error: (issue) => `Unexpected id ${JSON.stringify(issue.input)}, expected lowercase letters, digits, "-" or "_", such as "west-mercia-police"`
})

/** A non-empty string once trimmed. */
export const TextSchema = z
  .string({ error: (issue) => `Unexpected ${describe(issue.input)}, expected text` })
  .trim()
  .min(1, { error: 'Unexpected empty text, expected some words' })

/** A point in a source file: 1-based line and column, 0-based offset. */
export const PointSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0).optional()
})

/** A point in a source file. */
export type Point = z.infer<typeof PointSchema>

/** A span of a source file, as unist positions are. */
export const PositionSchema = z.object({
  start: PointSchema,
  end: PointSchema
})

/** A span of a source file. */
export type Position = z.infer<typeof PositionSchema>

/** Describe an unexpected input for a message: its type, and the value when short. */
export function describe(input: unknown): string {
  if (input === undefined) return 'nothing'
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'list'
  if (typeof input === 'object') return 'mapping'
  const text = JSON.stringify(input)
  return `${typeof input} ${text.length > 40 ? text.slice(0, 37) + '...' : text}`
}
