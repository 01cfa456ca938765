import { daysBetween, escapeMarkdown } from '@followthrough/core'
import { actionDueDates, dirname, relativePath } from '@followthrough/engine'
import type { Hover } from 'vscode-languageserver-types'
import { editorMarkdown, spanHolds, spanRange } from './text.js'
import type { PlacedDocument } from './workspace-index.js'

/** What an action's hover needs besides the document. */
export interface ActionHoverOptions {
  /** Today (`YYYY-MM-DD`): overdue is as of this day. */
  today: string
  /** The URI of a path, as results name files. */
  uriOf(path: string): string
}

/**
 * A hover card for the action under the cursor (away from its references,
 * which have their own): owner, due date and where it comes from, with "the
 * next meeting" resolved by the engine over the folder's minutes, as
 * `followthrough actions` resolves it.
 */
export function getActionHover(placed: PlacedDocument, offset: number, options: ActionHoverOptions): Hover | undefined {
  const analysis = placed.minutes?.analysis
  if (!analysis) return undefined
  const index = analysis.data.actions.findIndex((action) => spanHolds(action.position, offset))
  const action = analysis.data.actions[index]
  if (action === undefined) return undefined
  const resolved = actionDueDates(analysis, placed.folder.analyses())[index]
  const lines = [`**${action.done ? 'Done' : 'Action'}** · ${escapeMarkdown(action.text, editorMarkdown)}`, '']
  if (action.owner !== undefined) lines.push(`- **Owner:** ${escapeMarkdown(action.owner, editorMarkdown)}`)
  const due = resolved?.due ?? null
  if (due === null) {
    lines.push(
      action.nextMeeting === true
        ? '- **Due:** the next meeting, not yet known: no later minutes of this meeting, no "Date of next meeting" heading and no `next` in the front matter'
        : '- **Due:** not given'
    )
  } else {
    const next = resolved?.next
    const from =
      next?.from === 'minutes' && next.file !== undefined
        ? ` (the next meeting: [${escapeMarkdown(relativePath(dirname(placed.path), next.file), editorMarkdown)}](${options.uriOf(next.file)}))`
        : next?.from === 'section'
          ? ' (the next meeting, from "Date of next meeting")'
          : next?.from === 'front-matter'
            ? ' (the next meeting, from `next` in the front matter)'
            : resolved?.dueSource === 'month'
              ? ' (the end of the month)'
              : ''
    const late = !action.done && due < options.today ? ` — **overdue** by ${daysBetween(due, options.today)} day${daysBetween(due, options.today) === 1 ? '' : 's'}` : ''
    lines.push(`- **Due:** ${due}${from}${late}`)
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: spanRange(action.position) }
}
