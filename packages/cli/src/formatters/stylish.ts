import { relativePath, type Finding } from '@followthrough/engine'
import { visible } from './text.js'

/** Printable ASCII only: one terminal column per character. */
const plainAscii = /^[\x20-\x7e]*$/

/**
 * `string-width`, loaded the first time a cell is not plain ASCII: it builds
 * a grapheme segmenter as it loads (about 30 ms of a run's start-up), which a
 * run whose output is all ASCII, nearly every run, does without.
 */
let stringWidth: ((text: string) => number) | undefined

/**
 * How to measure the columns the cells take in a terminal. Nearly every cell
 * is plain ASCII, whose width is its length; `string-width` segments
 * graphemes, which costs about 0.1 ms a cell, so it is loaded only when some
 * cell is not, and asked only about those (measured: 17,000 findings took
 * 4.6 s to lay out through vfile-reporter, which asks it about every cell twice).
 */
async function widthOfCells(cells: readonly string[]): Promise<(text: string) => number> {
  const length = (text: string) => text.length
  if (cells.every((cell) => plainAscii.test(cell))) return length
  stringWidth ??= (await import('string-width')).default
  const measure = stringWidth
  return (text) => (plainAscii.test(text) ? text.length : measure(text))
}

const label: Readonly<Record<Finding['severity'], string>> = { error: 'error', warning: 'warning', info: 'info' }

/** What vfile-reporter's message sort ranks by severity: errors, then warnings, then the rest. */
const severityRank: Readonly<Record<Finding['severity'], number>> = { error: 0, warning: 1, info: 2 }

interface Message {
  place: string
  severity: Finding['severity']
  reason: string
  ruleId: string
  line: number
  column: number
}

interface Colors {
  bold: string
  normalIntensity: string
  underline: string
  noUnderline: string
  red: string
  yellow: string
  cyan: string
  defaultColor: string
}

function colors(enabled: boolean): Colors {
  const code = (value: string) => (enabled ? `\u001b[${value}m` : '')
  return {
    bold: code('1'),
    normalIntensity: code('22'),
    underline: code('4'),
    noUnderline: code('24'),
    red: code('31'),
    yellow: code('33'),
    cyan: code('36'),
    defaultColor: code('39')
  }
}

/** The reason in bold, code spans (matching runs of backticks) in cyan, as vfile-reporter shows it. */
function colorReason(reason: string, color: Colors): string {
  if (color.bold === '') return reason
  const splits: Array<{ index: number; size: number }> = []
  for (let index = reason.indexOf('`'); index !== -1; index = reason.indexOf('`', index + 1)) {
    const split = { index, size: 1 }
    splits.push(split)
    while (reason.charCodeAt(index + 1) === 96) {
      split.size++
      index++
    }
  }
  let result = ''
  let textStart = 0
  for (let index = 0; index < splits.length; index++) {
    const open = splits[index]
    if (open === undefined) break
    const closeIndex = splits.findIndex((split, at) => at > index && split.size === open.size)
    const close = splits[closeIndex]
    if (close === undefined) continue
    const codeEnd = close.index + close.size
    result += reason.slice(textStart, open.index) + color.cyan + reason.slice(open.index, codeEnd) + color.defaultColor
    textStart = codeEnd
    index = closeIndex
  }
  return color.bold + result + reason.slice(textStart) + color.normalIntensity
}

const point = (line: number, column: number) => `${line || 1}:${column || 1}`

/**
 * Findings grouped by file, as remark-cli and friends print them (the
 * layout of vfile-reporter, byte for byte):
 * `3:1-3:24  error  Unexpected …  unknown-recommendation  followthrough`.
 * File names, messages and rule ids are made {@link visible}: a terminal shows
 * their control characters instead of obeying them. Laid out here rather than
 * by vfile-reporter for speed: see {@link width}.
 */
export async function formatStylish(findings: readonly Finding[], options: { cwd: string; color: boolean; files: readonly string[] }): Promise<string> {
  const byFile = new Map<string, { name: string; messages: Message[] }>()
  for (const finding of findings) {
    let file = byFile.get(finding.file)
    if (!file) {
      file = { name: visible(relativePath(options.cwd, finding.file)), messages: [] }
      byFile.set(finding.file, file)
    }
    file.messages.push({
      place: `${point(finding.line, finding.column)}-${point(finding.endLine, finding.endColumn)}`,
      severity: finding.severity,
      reason: visible(finding.message),
      ruleId: visible(finding.ruleId),
      line: finding.line,
      column: finding.column
    })
  }
  if (byFile.size === 0) return `${options.files.length} file${options.files.length === 1 ? '' : 's'} checked: no problems\n`

  const width = await widthOfCells([...byFile.values()].flatMap((file) => file.messages.flatMap((message) => [message.place, message.reason, message.ruleId])))
  const color = colors(options.color)
  const files = [...byFile.values()].sort((a, b) => a.name.localeCompare(b.name))
  // Each message row: its cells as shown (colour codes included) with their widths (without).
  const rows: Array<string | Array<{ text: string; width: number }>> = []
  /** The width of each column: its widest cell. */
  const sizes: number[] = []
  const counts = { error: 0, warning: 0, info: 0 }
  for (const file of files) {
    const messages = file.messages.sort(
      (a, b) =>
        (a.line || 0) - (b.line || 0) ||
        (a.column || 0) - (b.column || 0) ||
        severityRank[a.severity] - severityRank[b.severity] ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.reason.localeCompare(b.reason)
    )
    if (rows.length > 0) rows.push('')
    const fileColor = messages.some((message) => message.severity === 'error') ? color.red : color.yellow
    rows.push(color.underline + fileColor + file.name + color.defaultColor + color.noUnderline)
    for (const message of messages) {
      counts[message.severity]++
      const name = label[message.severity]
      const cells = [
        { text: message.place, width: width(message.place) },
        { text: (message.severity === 'error' ? color.red : color.yellow) + name + color.defaultColor, width: name.length },
        { text: colorReason(message.reason, color), width: width(message.reason) },
        { text: message.ruleId, width: width(message.ruleId) },
        { text: 'followthrough', width: 'followthrough'.length }
      ]
      cells.forEach((cell, index) => {
        sizes[index] = Math.max(sizes[index] ?? 0, cell.width)
      })
      rows.push(cells)
    }
  }
  if (counts.error > 0 || counts.warning > 0) rows.push('', byline(counts, color))

  const lines = rows.map((row) => {
    if (typeof row === 'string') return row.trimEnd()
    let line = ''
    row.forEach((cell, index) => {
      line += cell.text + ' '.repeat((sizes[index] ?? cell.width) + 1 - cell.width)
    })
    return line.trimEnd()
  })
  return lines.join('\n') + '\n'
}

/** The closing summary: `43 messages (✖ 2 errors, ⚠ 1 warning)`. */
function byline(counts: { error: number; warning: number; info: number }, color: Colors): string {
  const parts: string[] = []
  if (counts.error > 0) parts.push(`${color.red}✖${color.defaultColor} ${counts.error} error${counts.error === 1 ? '' : 's'}`)
  if (counts.warning > 0) parts.push(`${color.yellow}⚠${color.defaultColor} ${counts.warning} warning${counts.warning === 1 ? '' : 's'}`)
  const result = parts.join(', ')
  const total = counts.error + counts.warning + counts.info
  return total !== counts.error && total !== counts.warning ? `${total} messages (${result})` : result
}
