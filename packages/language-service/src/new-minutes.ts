import { isIsoDate } from '@followthrough/core'
import { isInside, joinPath } from '@followthrough/engine'
import type { NewMinutesParams } from './custom-protocol.js'
import type { FolderIndex } from './folder-index.js'
import { loadedRegisters } from './views.js'

/** What a new minutes file starts with. */
export interface MinutesTemplate {
  meeting: string
  date: string
  title: string
  chair: string
  attendees: readonly string[]
  /** The register, when the workspace configures several. */
  register?: string | undefined
}

/** Quote a YAML scalar only when it needs it. */
function yamlScalar(text: string): string {
  return /^[\w][\w .,'()/&-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/:\s|\s#/.test(text) ? text : JSON.stringify(text)
}

/** A new minutes file: front matter filled in, then the usual agenda headings. */
export function minutesTemplate(template: MinutesTemplate): string {
  const lines = ['---', `meeting: ${yamlScalar(template.meeting)}`, `date: ${template.date}`, `title: ${yamlScalar(template.title)}`]
  lines.push(`chair: ${yamlScalar(template.chair)}`)
  if (template.attendees.length === 0) lines.push('attendees: []')
  else lines.push('attendees:', ...template.attendees.map((name) => `  - ${yamlScalar(name)}`))
  if (template.register !== undefined) lines.push(`register: ${template.register}`)
  lines.push(
    '---',
    '',
    `# ${template.title}`,
    '',
    '## Attendance',
    '',
    'Present as listed above.',
    '',
    '## Minutes of the last meeting',
    '',
    '## Progress on the recommendations',
    '',
    '## Status updates',
    '',
    '| Recommendation | Status | Note |',
    '| --- | --- | --- |',
    '',
    '## Actions',
    '',
    '- [ ] ',
    '',
    '## Date of next meeting',
    ''
  )
  return lines.join('\n')
}

/** The file name for new minutes: `2024-10-16-accountability.md`. */
export function minutesFileName(date: string, meeting: string): string {
  const slug = meeting
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${date}-${slug || 'meeting'}.md`
}

/** The folder new minutes go in: the fixed start of the first minutes glob (`minutes/**\/*.md` → `minutes`). */
export function minutesFolder(globs: readonly string[]): string {
  const first = globs[0] ?? 'minutes/**/*.md'
  const segments: string[] = []
  for (const segment of first.split('/')) {
    if (/[*?{}[\]!()]/.test(segment)) break
    segments.push(segment)
  }
  // A glob without magic names a file: its folder is what remains.
  if (segments.length === first.split('/').length) segments.pop()
  return segments.join('/')
}

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
  const label = kind.charAt(0).toUpperCase() + kind.slice(1)
  const title =
    params.title ?? `${label} meeting, ${new Date(`${params.date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`
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
