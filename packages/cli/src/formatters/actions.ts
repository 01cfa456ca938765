import { openActionsByOwner, type ActionItem } from '@followthrough/core'
import { stringifyJson, visible } from './text.js'

/** Options of {@link formatActions}. */
export interface ActionsFormatOptions {
  format: string
  asOf: string
  /** Leave done actions out. */
  open: boolean
}

/** Core's `ActionItem`, its keys in the schema's order and nothing else (no meeting date). */
function item(action: ActionItem): ActionItem {
  const { file, line, column, text, owner, due, dueSource, done, references, overdue } = action
  return { file, line, column, text, owner, due, dueSource, done, references, overdue }
}

const dueSourceWords: Record<NonNullable<ActionItem['dueSource']>, string> = { date: 'date', month: 'month', 'next-meeting': 'next meeting' }

/**
 * `followthrough actions`: JSON, an array of core's `ActionItem`; or a table of
 * the open actions grouped by owner (alphabetically, no owner last), overdue
 * first, then the done ones unless `open`.
 */
export function formatActions(actions: readonly ActionItem[], options: ActionsFormatOptions): string {
  const listed = options.open ? actions.filter((action) => !action.done) : actions
  if (options.format === 'json') return stringifyJson(listed.map(item), 2) + '\n'

  const open = listed.filter((action) => !action.done)
  const done = listed.filter((action) => action.done)
  const overdue = open.filter((action) => action.overdue).length

  const row = (action: ActionItem): string[] => [
    action.done ? 'done' : action.overdue ? 'OVERDUE' : 'open',
    action.due ?? '-',
    action.dueSource === null ? '' : dueSourceWords[action.dueSource],
    `${action.file}:${action.line}:${action.column}`,
    action.text
  ]
  const groups: Array<{ title: string; rows: string[][] }> = openActionsByOwner(open).map((group) => ({
    title: group.owner ?? 'No owner',
    rows: group.actions.map(row)
  }))
  if (done.length > 0) groups.push({ title: 'Done', rows: done.map(row) })
  const cells = groups.flatMap((group) => group.rows.map((cellsOf) => cellsOf.map((cell) => visible(cell))))
  const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...cells.map((cellsOf) => (cellsOf[column] ?? '').length)))
  const line = (cellsOf: readonly string[]) => `  ${cellsOf.map((cell, column) => (column === cellsOf.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')}`.trimEnd()

  const lines = [`Actions as of ${options.asOf}: ${open.length} open (${overdue} overdue)${options.open ? '' : `, ${done.length} done`}`]
  for (const group of groups) {
    lines.push('', visible(group.title), ...group.rows.map((cellsOf) => line(cellsOf.map((cell) => visible(cell)))))
  }
  return lines.join('\n') + '\n'
}
