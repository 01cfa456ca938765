import type { MinutesRecord } from '../schemas/records.js'
import type { Register } from '../schemas/register.js'
import { compareStrings } from '../order.js'
import { assertIsoDate } from './assert.js'

/** One reference as it comes in a {@link MinutesRecord}. */
export type MinutesReference = NonNullable<MinutesRecord['references']>[number]

/** One status update row as it comes in a {@link MinutesRecord}. */
export type MinutesUpdate = NonNullable<MinutesRecord['updates']>[number]

/**
 * A minutes record seen from one register: only the references and updates
 * that count for that register are kept.
 */
export interface RegisterMeeting {
  /** The minutes file, as a path or URI. */
  source: string
  /** The meeting's date (`YYYY-MM-DD`). */
  date: string
  /** The meeting's title, when the record has one. */
  title?: string
  /** References that count for the register, in the record's order. */
  references: MinutesReference[]
  /** Status updates that count for the register, in the record's order. */
  updates: MinutesUpdate[]
}

/**
 * Whether a reference or status update counts for the register with id
 * `registerId`: it does when it names no register (the minutes' own register
 * is implied) or names this one.
 */
export function countsForRegister(registerId: string, item: { register?: string | undefined }): boolean {
  return item.register === undefined || item.register === registerId
}

/**
 * Whether a minutes record is a meeting of the register with id `registerId`.
 *
 * A record carries no register of its own, so its references and updates are
 * the only evidence: a record that names nothing counts for every register (an
 * empty meeting is still a meeting), and a record that names something counts
 * when at least one of its references or updates counts for the register. A
 * record naming only another register's recommendations is that register's
 * meeting and is ignored here.
 */
export function isRegisterRecord(registerId: string, record: MinutesRecord): boolean {
  const references = record.references ?? []
  const updates = record.updates ?? []
  if (references.length === 0 && updates.length === 0) return true
  return references.some((reference) => countsForRegister(registerId, reference)) || updates.some((update) => countsForRegister(registerId, update))
}

/**
 * The meetings of a register up to `asOf`: the minutes records dated on or
 * before `asOf` that belong to the register (see {@link isRegisterRecord}),
 * each keeping only the references and updates that count for it.
 *
 * Sorted by date, then by source (plain code-unit order, not the locale's, so
 * the order is the same in every browser and in Node); records equal on both
 * keep their input order. Each record is one meeting.
 *
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function registerMeetings(register: Pick<Register, 'inquiry'>, minutes: readonly MinutesRecord[], asOf: string): RegisterMeeting[] {
  assertIsoDate(asOf, 'asOf')
  const registerId = register.inquiry.id
  const meetings: RegisterMeeting[] = []
  for (const record of minutes) {
    if (record.date > asOf || !isRegisterRecord(registerId, record)) continue
    const meeting: RegisterMeeting = {
      source: record.source,
      date: record.date,
      references: (record.references ?? []).filter((reference) => countsForRegister(registerId, reference)),
      updates: (record.updates ?? []).filter((update) => countsForRegister(registerId, update))
    }
    if (record.title !== undefined) meeting.title = record.title
    meetings.push(meeting)
  }
  // Array.prototype.sort is stable, so equal records keep their input order.
  return meetings.sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.source, b.source))
}

/**
 * The status updates that count for a register up to `asOf`, in input order
 * (records as given, rows as in each record), from records dated on or before
 * `asOf`.
 *
 * Input order is kept, not date order, because it breaks ties between two
 * minutes updates of the same recommendation on the same day: the later one
 * wins (see `statusOn`).
 *
 * @throws TypeError when `asOf` is not an ISO date.
 */
export function registerUpdates(register: Pick<Register, 'inquiry'>, minutes: readonly MinutesRecord[], asOf: string): MinutesUpdate[] {
  assertIsoDate(asOf, 'asOf')
  return updatesOfRegister(register.inquiry.id, minutes, asOf)
}

/** {@link registerUpdates} by the register's id, for callers that hold only the id (a `Progress`); `asOf` is not checked. */
export function updatesOfRegister(registerId: string, minutes: readonly MinutesRecord[], asOf: string): MinutesUpdate[] {
  return minutes.filter((record) => record.date <= asOf).flatMap((record) => (record.updates ?? []).filter((update) => countsForRegister(registerId, update)))
}

/**
 * Updates grouped by recommendation id, each list in input order (the order
 * that breaks same-day ties), so each recommendation scans only its own.
 */
export function updatesById<T extends { id: string }>(updates: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>()
  for (const update of updates) {
    const list = grouped.get(update.id)
    if (list === undefined) grouped.set(update.id, [update])
    else list.push(update)
  }
  return grouped
}
