import * as z from 'zod'
import { describe, IsoDateSchema, TextSchema } from './primitives.js'

/** An owner's decisions on a recommendation, in the order people usually list them (see MISSION: the accountability cycle). */
export const responseDecisions = ['accepted', 'accepted-in-principle', 'partially-accepted', 'not-accepted'] as const

/** An owner's decision on a recommendation. */
export const ResponseDecisionSchema = z.enum(responseDecisions, {
  error: (issue) => `Unexpected response ${JSON.stringify(issue.input)}, expected one of ${responseDecisions.join(', ')}`
})

/** An owner's decision on a recommendation. */
export type ResponseDecision = z.infer<typeof ResponseDecisionSchema>

/** How each decision reads for people (the report, the spreadsheet). */
export const responseDecisionLabels: Readonly<Record<ResponseDecision, string>> = {
  accepted: 'Accepted',
  'accepted-in-principle': 'Accepted in principle',
  'partially-accepted': 'Partially accepted',
  'not-accepted': 'Not accepted'
}

/**
 * How far a status claim is assured: `claimed` (the owner says so),
 * `evidenced` (the owner supplied evidence), `verified` (checked by someone
 * independent of the owner). Absent means not recorded.
 */
export const assurances = ['claimed', 'evidenced', 'verified'] as const

/** How far a status claim is assured. */
export const AssuranceSchema = z.enum(assurances, {
  error: (issue) => `Unexpected assurance ${JSON.stringify(issue.input)}, expected one of ${assurances.join(', ')}`
})

/** How far a status claim is assured. */
export type Assurance = z.infer<typeof AssuranceSchema>

/** How each level of assurance reads for people (the report, the spreadsheet). */
export const assuranceLabels: Readonly<Record<Assurance, string>> = { claimed: 'Claimed', evidenced: 'Evidenced', verified: 'Verified' }

/** The owner's published response to a recommendation. */
export const ResponseSchema = z.strictObject({
  decision: ResponseDecisionSchema.describe('accepted, accepted-in-principle, partially-accepted or not-accepted.'),
  date: IsoDateSchema.describe('The day the response was made (YYYY-MM-DD).'),
  note: z.string().optional().describe('What the owner said, briefly.')
})

/** The owner's published response to a recommendation. */
export type Response = z.infer<typeof ResponseSchema>

/** One piece of evidence behind a status claim. */
export const EvidenceSchema = z.strictObject({
  title: TextSchema.describe('What the evidence is.'),
  href: z.string().optional().describe('Where it can be read.'),
  date: IsoDateSchema.optional().describe('When it was produced (YYYY-MM-DD).')
})

/** One piece of evidence behind a status claim. */
export type Evidence = z.infer<typeof EvidenceSchema>

/**
 * A kind of item in a register: its id prefix (`R`, `AFI`) and the words prose
 * uses for it ("Area for improvement").
 */
export const SchemeSchema = z.strictObject({
  prefix: z
    .string({ error: (issue) => `Unexpected ${describe(issue.input)}, expected a prefix such as "R" or "AFI"` })
    .regex(/^[A-Z][A-Za-z]*$/, { error: (issue) => `Unexpected prefix ${JSON.stringify(issue.input)}, expected letters starting with a capital, such as "R" or "AFI"` })
    .describe('The letters that start its ids, such as `R` or `AFI`.'),
  keywords: z
    .array(TextSchema)
    .min(1, { error: 'Unexpected empty list of keywords, expected at least one keyword' })
    .describe('The words prose uses before a number, such as `Area for improvement`.')
})

/** A kind of item in a register. */
export type Scheme = z.infer<typeof SchemeSchema>
