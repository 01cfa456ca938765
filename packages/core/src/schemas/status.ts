import * as z from 'zod'

/**
 * The seven statuses, in the order a recommendation normally moves through them
 * (`blocked`, `rejected` and `superseded` are side exits).
 */
export const statuses = ['not-started', 'in-progress', 'ready-for-assessment', 'implemented', 'blocked', 'rejected', 'superseded'] as const

/** A recommendation's status (see MISSION: status vocabulary). */
export const StatusSchema = z.enum(statuses, {
  error: (issue) => `Unexpected status ${JSON.stringify(issue.input)}, expected one of ${statuses.join(', ')}`
})

/** A recommendation's status. */
export type Status = z.infer<typeof StatusSchema>

/** How each status reads to people: in reports, editors and tables. */
export const statusLabels: Readonly<Record<Status, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'ready-for-assessment': 'Ready for assessment',
  implemented: 'Implemented',
  blocked: 'Blocked',
  rejected: 'Rejected',
  superseded: 'Superseded'
}

/**
 * Statuses that close a recommendation: it is no longer due, overdue or open.
 */
export const closedStatuses: ReadonlySet<Status> = new Set(['implemented', 'rejected', 'superseded'])

/**
 * Turn a status as people write it in a table cell into a {@link Status}:
 * case-insensitive, with spaces, hyphens or underscores between words
 * ("In progress", "READY FOR ASSESSMENT", "not_started").
 *
 * @returns the status, or `undefined` when the words name none.
 */
export function normalizeStatus(text: string): Status | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_\u00a0-]+/g, '-')
  return (statuses as readonly string[]).includes(key) ? (key as Status) : undefined
}
