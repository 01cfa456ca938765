import * as z from 'zod'
import { IsoDateSchema, SlugSchema, TextSchema } from './primitives.js'

/**
 * The front matter of a minutes file: what kind of meeting, when, who.
 * Keys beyond these are allowed, so minutes can carry their own metadata.
 */
export const MeetingSchema = z.looseObject({
  meeting: TextSchema.describe('The kind of meeting, such as `accountability`.'),
  date: IsoDateSchema.describe('The day of the meeting (YYYY-MM-DD); dates every status update in the minutes.'),
  title: TextSchema.describe("The meeting's title."),
  chair: TextSchema.describe('Who chaired the meeting.'),
  attendees: z.array(TextSchema).describe('Who attended.'),
  register: SlugSchema.optional().describe('The register that unqualified references name, when several are configured.'),
  next: IsoDateSchema.optional().describe('The date of the next meeting, when no later minutes of this kind exist yet: "for the next meeting" in an action falls due then.')
})

/** The front matter of a minutes file. */
export type Meeting = z.infer<typeof MeetingSchema>
