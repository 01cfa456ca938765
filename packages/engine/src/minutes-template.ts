/**
 * The one template for new minutes, shared by `followthrough init` and the
 * editor's "new minutes" command: the front matter filled in, then the usual
 * agenda headings.
 */

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

/**
 * A YAML scalar for `text`: plain when YAML reads it back as the same string,
 * else double-quoted (JSON's quoting is valid YAML). Words YAML reads as
 * booleans or null, numbers and dates, and anything with `: ` or ` #` are quoted.
 */
export function yamlScalar(text: string): string {
  const plain = /^[A-Za-z_][\w .,'()/&-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text) && !/\s$/.test(text)
  return plain ? text : JSON.stringify(text)
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

/** The usual title of minutes: `Accountability meeting, 16 October 2024`. */
export function minutesTitle(meeting: string, date: string): string {
  const label = meeting.charAt(0).toUpperCase() + meeting.slice(1)
  const day = new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  return `${label} meeting, ${day}`
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
