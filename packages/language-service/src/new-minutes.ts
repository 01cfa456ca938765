import { isIsoDate } from '@followthrough/core'
import { isInside, joinPath, minutesFileName, minutesFolder, minutesTemplate, minutesTitle } from '@followthrough/engine'
import type { NewMinutesParams } from './custom-protocol.js'
import type { FolderIndex } from './folder-index.js'
import { loadedRegisters } from './views.js'

/** New minutes: where they go and what they say; or why not, worded for people. */
export type NewMinutesPlan = { path: string; text: string } | { problem: string }

/**
 * Plan new minutes in a folder: `<minutes folder>/<date>-<kind>.md`, the
 * front matter filled in (chair and attendees from the newest minutes of that
 * kind, the register when there are several), then the usual headings.
 */
export function planNewMinutes(folder: FolderIndex, params: Pick<NewMinutesParams, 'meeting' | 'date' | 'title'>): NewMinutesPlan {
  const kind = params.meeting.trim()
  if (kind === '') return { problem: 'Unexpected empty kind of meeting, expected a word such as accountability' }
  if (!isIsoDate(params.date)) return { problem: `Unexpected date ${JSON.stringify(params.date)}, expected a date as YYYY-MM-DD` }
  const workspace = folder.workspace
  if (!workspace) return { problem: `Unexpected folder ${folder.root} with no configuration loaded, expected a Followthrough workspace` }
  const previous = [...folder.minutes.values()]
    .flatMap((entry) => (entry.analysis.data.meeting?.meeting === kind ? [entry.analysis.data.meeting] : []))
    .sort((a, b) => b.date.localeCompare(a.date))[0]
  const registers = loadedRegisters(folder)
  const title = params.title ?? minutesTitle(kind, params.date)
  const text = minutesTemplate({
    meeting: kind,
    date: params.date,
    title,
    chair: previous?.chair ?? 'Chair',
    attendees: previous?.attendees ?? [],
    register: registers.length > 1 ? (previous?.register ?? registers[0]?.register.inquiry.id) : undefined
  })
  const subfolder = minutesFolder(workspace.config.config.minutes)
  const path = joinPath(workspace.config.root, ...(subfolder === '' ? [] : [subfolder]), minutesFileName(params.date, kind))
  // A `minutes` glob reaching outside the folder (`../other/*.md`): new files stay inside.
  if (!isInside(workspace.config.root, path))
    return { problem: `Unexpected minutes folder ${JSON.stringify(subfolder)} outside ${workspace.config.root}, expected a folder inside the workspace` }
  return { path, text }
}
