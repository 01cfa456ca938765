import * as z from 'zod'
import { describe, IsoDateSchema, RecommendationIdSchema, SlugSchema, TextSchema } from './primitives.js'
import { StatusSchema } from './status.js'
import { AssuranceSchema, EvidenceSchema, ResponseSchema, SchemeSchema } from './accountability.js'

/**
 * The accountability fields a status event may carry (see MISSION: the
 * accountability cycle), shared by register `history` entries and minutes
 * status updates. All optional.
 */
export const eventAccountabilityFields = {
  assurance: AssuranceSchema.optional().describe('How far the status is assured: claimed, evidenced or verified. Absent means not recorded.'),
  evidence: z.array(EvidenceSchema).optional().describe('Evidence behind the claim: each a title, optionally with href and date.'),
  by: z.string().optional().describe('Who made the claim or the check (free text or an owner id).'),
  due: IsoDateSchema.optional().describe('A revised due date from this day on (YYYY-MM-DD).'),
  reason: z.string().optional().describe('Why the due date moved.')
}

/**
 * A dated event: a change of status, a revised due date, or both. From the
 * register's `history`, or from a status update table in dated minutes. An
 * entry that only moves the due date has no `status`.
 */
export const StatusEventSchema = z
  .strictObject({
    date: IsoDateSchema.describe('The day the status took effect (YYYY-MM-DD).'),
    status: StatusSchema.optional().describe('The status from this day on; absent when the entry only moves the due date.'),
    source: z.string().optional().describe('Where the event was recorded: a document, a report, a minutes file.'),
    note: z.string().optional().describe('Why the status changed; expected when it goes backwards.'),
    ...eventAccountabilityFields
  })
  .superRefine(
    (event, ctx) => {
      if (event.status === undefined && event.due === undefined) {
        ctx.addIssue({ code: 'custom', path: [], input: event, message: 'Unexpected history entry without status or due, expected a status, a revised due date or both' })
      }
    },
    { when: (payload) => isRecord(payload.value) && !('status' in payload.value) && !('due' in payload.value) }
  )

/** A dated change of status. */
export type StatusEvent = z.infer<typeof StatusEventSchema>

/** The inquiry or inspection a register belongs to. */
export const InquirySchema = z.strictObject({
  id: SlugSchema.describe('Short id of the register, used in qualified references such as `iitcse:R12`.'),
  title: TextSchema.describe('Full title of the inquiry or inspection.'),
  published: IsoDateSchema.describe('The day the report was published (YYYY-MM-DD).'),
  url: z.string().optional().describe('Where the report can be read.'),
  responseDays: z
    .number({ error: (issue) => `Unexpected ${describe(issue.input)}, expected a whole number of days such as 56` })
    .int({ error: (issue) => `Unexpected ${describe(issue.input)}, expected a whole number of days such as 56` })
    .min(1, { error: (issue) => `Unexpected ${describe(issue.input)}, expected a whole number of days of at least 1` })
    .optional()
    .describe('Days after publication within which owners respond (say 56); responses are due on `published + responseDays`.')
})

/** The inquiry or inspection a register belongs to. */
export type Inquiry = z.infer<typeof InquirySchema>

/** An organisation that owns recommendations. */
export const OwnerSchema = z.strictObject({
  id: SlugSchema.describe('Short id used in `owners` of recommendations.'),
  name: TextSchema.describe("The organisation's name as people write it.")
})

/** An organisation that owns recommendations. */
export type Owner = z.infer<typeof OwnerSchema>

/** One recommendation of an inquiry. */
export const RecommendationSchema = z.strictObject({
  id: RecommendationIdSchema.describe("The recommendation's number with its prefix, such as `R12`, `R4.2`, `AFI3` or `R12a`."),
  title: TextSchema.describe('A short title.'),
  text: z.string().optional().describe("The recommendation's wording."),
  owners: z
    .array(SlugSchema)
    .min(1, { error: 'Unexpected empty list of owners, expected at least one owner id' })
    .describe("Ids of the owners responsible, from the register's `owners`."),
  themes: z.array(z.string()).optional().describe('Themes for grouping progress.'),
  due: IsoDateSchema.optional().describe('When it is due (YYYY-MM-DD).'),
  status: StatusSchema.optional().describe('The baseline status, used until a dated event says otherwise.'),
  response: ResponseSchema.optional().describe("The owner's response: decision, date and an optional note."),
  history: z.array(StatusEventSchema).optional().describe('Dated status events and due-date revisions, in any order.'),
  supersededBy: RecommendationIdSchema.optional().describe('The id of the recommendation that replaces this one.')
})

/** One recommendation of an inquiry. */
export type Recommendation = z.infer<typeof RecommendationSchema>

/**
 * A register: one inquiry or inspection with its owners and recommendations.
 * Beyond the shape, owner ids must exist, ids must be unique and `supersededBy`
 * must name another recommendation of the register.
 */
export const RegisterSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema this file follows (for editors).'),
    inquiry: InquirySchema,
    schemes: z
      .array(SchemeSchema)
      .min(1, { error: 'Unexpected empty list of schemes, expected at least one scheme' })
      .optional()
      .describe('Kinds of item in this register, each an id prefix and its prose keywords; by default one scheme from the config.'),
    owners: z.array(OwnerSchema).describe('Organisations that own recommendations.'),
    recommendations: z.array(RecommendationSchema).describe("The recommendations, in the report's order.")
  })
  // Cross-references are checked even when some entries are malformed, so a user
  // sees every problem of the file at once rather than one layer at a time.
  .superRefine(
    (register, ctx) => {
      checkIntegrity(register, ctx)
    },
    { when: (payload) => isRecord(payload.value) }
  )

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function stringAt(value: unknown, key: string): string | undefined {
  const field = isRecord(value) ? value[key] : undefined
  return typeof field === 'string' ? field : undefined
}

/** The ids of a list's entries; an id seen before gets an issue at its second (third, ...) entry. */
function uniqueIds(register: Record<string, unknown>, list: 'owners' | 'recommendations', duplicate: (id: string) => string, ctx: z.RefinementCtx): Set<string> {
  const ids = new Set<string>()
  listOf(register[list]).forEach((entry, index) => {
    const id = stringAt(entry, 'id')
    if (id === undefined) return
    if (ids.has(id)) ctx.addIssue({ code: 'custom', path: [list, index, 'id'], input: id, message: duplicate(id) })
    ids.add(id)
  })
  return ids
}

/** Owner ids exist, ids are unique, `supersededBy` names another recommendation and never leads back. */
function checkIntegrity(register: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const ownerIds = uniqueIds(register, 'owners', (id) => `Unexpected duplicate owner id ${JSON.stringify(id)}, expected each owner once`, ctx)
  const recommendations = listOf(register['recommendations'])
  const ids = uniqueIds(register, 'recommendations', (id) => `Unexpected duplicate recommendation id ${JSON.stringify(id)}, expected each id once`, ctx)

  const known = [...ownerIds].join(', ') || 'none defined'
  recommendations.forEach((recommendation, index) => {
    if (!isRecord(recommendation)) return
    const id = stringAt(recommendation, 'id') ?? `recommendation ${index + 1}`
    listOf(recommendation['owners']).forEach((owner, ownerIndex) => {
      if (typeof owner === 'string' && !ownerIds.has(owner)) {
        ctx.addIssue({
          code: 'custom',
          path: ['recommendations', index, 'owners', ownerIndex],
          input: owner,
          message: `Unexpected owner ${JSON.stringify(owner)} in ${id}, expected one of the register's owners (${known})`
        })
      }
    })
    const successor = stringAt(recommendation, 'supersededBy')
    if (successor === undefined) return
    if (successor === id) {
      ctx.addIssue({
        code: 'custom',
        path: ['recommendations', index, 'supersededBy'],
        input: successor,
        message: `Unexpected ${JSON.stringify(successor)} superseding itself, expected another recommendation's id`
      })
    } else if (!ids.has(successor)) {
      ctx.addIssue({
        code: 'custom',
        path: ['recommendations', index, 'supersededBy'],
        input: successor,
        message: `Unexpected unknown recommendation ${JSON.stringify(successor)} in supersededBy of ${id}, expected an id of this register`
      })
    }
  })
  checkSupersededCycles(recommendations, ctx)
}

/**
 * A chain of `supersededBy` must end at a recommendation nothing supersedes:
 * R1 → R2 → R1 says each replaces the other. Each entry on a cycle gets a
 * problem at its `supersededBy` value, naming the cycle from there. Self
 * reference is reported on its own, with its own wording.
 */
function checkSupersededCycles(recommendations: unknown[], ctx: z.RefinementCtx): void {
  // The first entry with an id wins, as duplicate ids are reported separately.
  const indexOf = new Map<string, number>()
  recommendations.forEach((recommendation, index) => {
    const id = stringAt(recommendation, 'id')
    if (id !== undefined && !indexOf.has(id)) indexOf.set(id, index)
  })
  const next = (index: number): number | undefined => {
    const id = stringAt(recommendations[index], 'id')
    const successor = stringAt(recommendations[index], 'supersededBy')
    if (id === undefined || successor === undefined || successor === id) return undefined
    return indexOf.get(successor)
  }
  // Each entry has one successor at most: follow each chain once, colouring as we go.
  const state = new Map<number, 'visiting' | 'done'>()
  for (const first of indexOf.values()) {
    const path: number[] = []
    let at: number | undefined = first
    while (at !== undefined && !state.has(at)) {
      state.set(at, 'visiting')
      path.push(at)
      at = next(at)
    }
    if (at !== undefined && state.get(at) === 'visiting') {
      const cycle = path.slice(path.indexOf(at))
      cycle.forEach((member, position) => {
        const order = [...cycle.slice(position), ...cycle.slice(0, position), member]
        const names = order.map((index) => stringAt(recommendations[index], 'id')).join(' → ')
        ctx.addIssue({
          code: 'custom',
          path: ['recommendations', member, 'supersededBy'],
          input: stringAt(recommendations[member], 'supersededBy'),
          message: `Unexpected cycle in supersededBy (${names}), expected a chain that ends at a recommendation nothing supersedes`
        })
      })
    }
    for (const member of path) state.set(member, 'done')
  }
}

/** A register: one inquiry or inspection with its owners and recommendations. */
export type Register = z.infer<typeof RegisterSchema>
