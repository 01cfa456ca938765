import { statusLabels, type Status } from '@followthrough/core'
import type { Position, TextEdit } from 'vscode-languageserver-types'
import { registerOfFile, registerState } from './views.js'
import type { PlacedDocument } from './workspace-index.js'

/** One row of an inserted status update table. */
export interface StatusRow {
  id: string
  status?: Status | undefined
  note?: string | undefined
}

/**
 * A GFM status update table the minutes' parser reads: one row per
 * recommendation, in the order given, the status written as people write it.
 */
export function statusUpdateTable(rows: readonly StatusRow[], options: { heading?: boolean; eol?: string } = {}): string {
  const eol = options.eol ?? '\n'
  const lines: string[] = []
  if (options.heading ?? true) lines.push('## Status updates', '')
  lines.push('| Recommendation | Status | Note |', '| --- | --- | --- |')
  for (const row of rows) {
    const status = row.status !== undefined ? statusLabels[row.status] : ''
    lines.push(`| ${cell(row.id)} | ${status} | ${cell(row.note ?? '')} |`)
  }
  return lines.join(eol) + eol
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** Why a status update table cannot be inserted, worded for people; or the edit. */
export type StatusTableEdit = { edit: TextEdit } | { problem: string }

/**
 * The edit that inserts, at a position of minutes, a status update table with
 * one row per recommendation the minutes mention (first-mention order, each
 * once), each pre-filled with its status today. Only ids of the minutes'
 * register; the `## Status updates` heading unless the minutes have one; the
 * document's line endings.
 */
export function statusTableEdit(placed: PlacedDocument, position: Position, today: string): StatusTableEdit {
  if (!placed.minutes) return { problem: 'Unexpected file for a status update table, expected minutes in Markdown' }
  const entry = registerOfFile(placed.folder, placed.path)
  const state = entry ? registerState(placed.folder, entry, today) : undefined
  if (!state) return { problem: 'Unexpected minutes with no register loaded, expected a register to take the statuses from' }
  const registerId = state.entry.register.inquiry.id
  const ids = [
    ...new Set(
      placed.minutes.analysis.data.references
        .filter((reference) => reference.known && (reference.register === undefined || reference.register === registerId) && state.facts.has(reference.id))
        .map((reference) => reference.id)
    )
  ]
  const text = placed.text
  const eol = /\r\n/.test(text) ? '\r\n' : '\n'
  const heading = !/^#{1,6}[ \t]+status updates[ \t]*$/im.test(text)
  const table = statusUpdateTable(
    ids.map((id) => ({ id, status: state.facts.get(id)?.status })),
    { heading, eol }
  )
  return { edit: { range: { start: position, end: position }, newText: (position.character === 0 ? '' : eol) + table } }
}
