import * as z from 'zod'
import { IsoDateSchema, PositionSchema, RecommendationIdSchema, SlugSchema } from './primitives.js'
import { StatusSchema } from './status.js'
import { eventAccountabilityFields } from './register.js'
import { ResponseDecisionSchema } from './accountability.js'

/**
 * A reference to a recommendation found in minutes: `R12`, `Recommendation 12`,
 * `iitcse:R12`, or one member of a range or list.
 */
export const ReferenceSchema = z.object({
  id: RecommendationIdSchema,
  register: SlugSchema.optional().describe('The register the reference resolves to, when known.'),
  text: z.string().optional().describe('The source text of the reference.'),
  position: PositionSchema.optional()
})

/** A reference to a recommendation. */
export type Reference = z.infer<typeof ReferenceSchema>

/**
 * One row of a status update table in minutes, dated by the meeting. A row
 * that only moves the due date has no `status`.
 */
export const StatusUpdateSchema = z.object({
  id: RecommendationIdSchema,
  register: SlugSchema.optional(),
  status: StatusSchema.optional(),
  date: IsoDateSchema.describe("The meeting's date."),
  note: z.string().optional(),
  ...eventAccountabilityFields,
  response: ResponseDecisionSchema.optional().describe("The owner's response, from a `Response` cell, dated by the meeting."),
  source: z.string().optional().describe('The minutes file the update comes from.'),
  position: PositionSchema.optional()
})

/** One row of a status update table. */
export type StatusUpdate = z.infer<typeof StatusUpdateSchema>

/** An action agreed in a meeting. */
export const ActionSchema = z.object({
  text: z.string(),
  owner: z.string().optional(),
  due: IsoDateSchema.optional(),
  done: z.boolean().default(false),
  references: z.array(ReferenceSchema).default([]),
  date: IsoDateSchema.optional().describe("The meeting's date."),
  source: z.string().optional(),
  position: PositionSchema.optional()
})

/** An action agreed in a meeting. */
export type Action = z.infer<typeof ActionSchema>

/** Where an action's due date comes from: a written date, a month ("by March 2025", its last day), or "the next meeting". */
export const DueSourceSchema = z.enum(['date', 'month', 'next-meeting'])

/** Where an action's due date comes from. */
export type DueSource = z.infer<typeof DueSourceSchema>

/**
 * One action as `followthrough actions --format json` lists it, and as the
 * report, the spreadsheet and the MCP server show it: every key present, `null`
 * where the minutes do not say.
 */
export const ActionItemSchema = z.object({
  file: z.string().describe('The minutes file, relative to the working directory (or as the caller names it).'),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  text: z.string().describe("The action's words as plain text."),
  owner: z.string().nullable(),
  due: IsoDateSchema.nullable().describe('The due date; for "the next meeting", the date of that meeting.'),
  dueSource: DueSourceSchema.nullable(),
  done: z.boolean().describe('A ticked task-list item.'),
  references: z.array(RecommendationIdSchema).describe('The recommendations it names, each once, in order.'),
  overdue: z.boolean().describe('Open and due before the as-of date.')
})

/** One action with where it is, its due date and where that came from. */
export type ActionItem = z.infer<typeof ActionItemSchema>

/**
 * What progress needs from one dated minutes file: its date, the references it
 * makes and the status updates it records.
 */
export const MinutesRecordSchema = z.object({
  source: z.string().describe('The minutes file, as a path or URI.'),
  date: IsoDateSchema,
  title: z.string().optional(),
  references: z.array(ReferenceSchema).default([]),
  updates: z.array(StatusUpdateSchema).default([])
})

/** What progress needs from one dated minutes file. */
export type MinutesRecord = z.input<typeof MinutesRecordSchema>
