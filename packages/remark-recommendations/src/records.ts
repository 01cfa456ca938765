import type { MinutesRecord } from '@followthrough/core'
import type { MinutesData } from './types.js'

/**
 * Turn what the plugin found into core's `MinutesRecord`, the input of the
 * progress calculations. Minutes without a valid date cannot date anything:
 * they give `undefined`.
 *
 * @param source the minutes file as the caller names it (a path or URI)
 */
export function toMinutesRecord(data: MinutesData, source: string): MinutesRecord | undefined {
  const date = data.meeting?.date
  if (date === undefined) return undefined
  const record: MinutesRecord = {
    source,
    date,
    title: data.meeting?.title,
    references: data.references.map((reference) => ({
      id: reference.id,
      ...(reference.register !== undefined ? { register: reference.register } : {}),
      text: reference.text,
      position: reference.position
    })),
    // Every field core's StatusUpdate has: progress reads responses, assurance and due-date revisions from them.
    updates: data.updates.map((update) => ({
      id: update.id,
      ...(update.register !== undefined ? { register: update.register } : {}),
      ...(update.status !== undefined ? { status: update.status } : {}),
      date,
      ...(update.note !== undefined ? { note: update.note } : {}),
      ...(update.response !== undefined ? { response: update.response } : {}),
      ...(update.assurance !== undefined ? { assurance: update.assurance } : {}),
      ...(update.evidence !== undefined ? { evidence: update.evidence.map((item) => ({ ...item })) } : {}),
      ...(update.by !== undefined ? { by: update.by } : {}),
      ...(update.due !== undefined ? { due: update.due } : {}),
      ...(update.reason !== undefined ? { reason: update.reason } : {}),
      source,
      position: update.position
    }))
  }
  return record
}
