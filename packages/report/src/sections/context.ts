import type { MinutesRecord, Progress, Register, Status } from '@followthrough/core'
import type { Element, ElementContent } from 'hast'
import { h, type Child, type Properties } from 'hastscript'
import type { ChartDocument } from '../charts.js'
import { idPart } from '../escape.js'
import { statusColors, statusLabels } from '../status-style.js'

/**
 * What every section of one register's part of the report reads. Sections
 * are built as hast trees (`h`), never as strings: text and attribute values
 * are escaped when the tree is serialised, so no call at each place is needed
 * and none can be forgotten.
 */
export interface Context {
  /** Prefix of every id in this register's part (`r1`), so several registers never share an id. */
  prefix: string
  /** Heading level of the register's sections (2 when the report has one register, 3 when the registers get their own h2). */
  level: 2 | 3
  register: Register
  progress: Progress
  minutes: readonly MinutesRecord[]
  link: (source: string) => string | undefined
  document: ChartDocument
  owners: Map<string, string>
  statusById: Map<string, { status: Status; since?: string }>
}

/** Children one per line, as the report's source reads: a line break between each two. */
export function lines(...children: Child[]): Child[] {
  return children.flatMap((child, index) => (index === 0 ? [child] : ['\n', child]))
}

/** One piece of a line: an element or text. */
export type Inline = ElementContent | string

/** Items joined by a separator (`, `, `; `). */
export function joined(items: readonly Inline[], separator: string): Inline[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [separator, item]))
}

/** An element whose children each stand on their own line. */
export function block(selector: string, properties: Properties, ...children: Child[]): Element {
  return h(selector, properties, '\n', ...lines(...children), '\n')
}

/** One of a register's sections (`r1-summary`): labelled by its heading, at the register's level. */
export function reportSection(context: Context, name: string, title: string, children: Child[], properties: Properties = {}): Element {
  const id = `${context.prefix}-${name}`
  return block('section', { ariaLabelledBy: id, ...properties }, heading(context.level, { class: 'section', id }, title), ...children)
}

/** A heading of the given level. */
export function heading(level: number, properties: Record<string, string>, ...children: Child[]): Element {
  return h(`h${level}`, properties, ...children)
}

export function time(date: string): Element {
  return h('time', { dateTime: date }, date)
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

export function statusChip(status: Status): Element {
  return h('span.status', h('span.swatch', { style: `background:${statusColors[status]}`, ariaHidden: 'true' }), statusLabels[status])
}

export function recAnchor(context: Context, id: string): string {
  return `${context.prefix}-rec-${idPart(id)}`
}

export function recLink(context: Context, id: string): Element {
  return h('a', { href: `#${recAnchor(context, id)}` }, id)
}

/** `: R1, R2` linking each id, or nothing for no ids. */
export function idList(context: Context, ids: readonly string[]): Inline[] {
  return ids.length === 0
    ? []
    : [
        ': ',
        ...joined(
          ids.map((id) => recLink(context, id)),
          ', '
        )
      ]
}

export function meetingLabel(meeting: { date: string; title?: string }): string {
  return meeting.title !== undefined ? `${meeting.date} ${meeting.title}` : meeting.date
}

/** A link to a minutes file, or its text alone when the link is not safe to follow. */
export function minutesAnchor(context: Context, source: string, text: string): Inline {
  const href = context.link(source)
  return href === undefined ? text : h('a', { href }, text)
}

/** The never-discussed marker of tables and facts. */
export function never(): Element {
  return h('span.never', 'never')
}
