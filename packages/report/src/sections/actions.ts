import { compareStrings, openActionsByOwner, type ActionItem } from '@followthrough/core'
import type { Element } from 'hast'
import { h, type Child } from 'hastscript'
import { block, joined, plural, recLink, time, type Context, type Inline } from './context.js'

/** What the open-actions section needs beside the actions. */
export interface ActionsContext {
  /** The registers' parts of the report, to link each recommendation an action names. */
  contexts: readonly Context[]
  /** The link to a minutes file, or `undefined` when it is not safe to follow. */
  link: (source: string) => string | undefined
}

const noOwner = 'No owner named'

/** Where actions are written: by file, then line (the order ties keep within an owner). */
function byPlace(a: ActionItem, b: ActionItem): number {
  return compareStrings(a.file, b.file) || a.line - b.line
}

function dueText(action: ActionItem): Inline[] {
  if (action.due === null) return ['no due date']
  const source = action.dueSource === 'next-meeting' ? ' (the next meeting)' : action.dueSource === 'month' ? ' (end of the month)' : ''
  return ['due ', time(action.due), source]
}

/**
 * The open actions of the minutes, grouped by owner, overdue first, each with
 * its due date, the recommendations it names (linked to their sections) and a
 * link to where it is written (`file:line`). Left out when the caller gives no
 * actions; says so in a line when none is open.
 */
export function actionsSection(actions: readonly ActionItem[] | undefined, context: ActionsContext): Element | undefined {
  if (actions === undefined) return undefined
  const groups = openActionsByOwner([...actions].sort(byPlace))
  const open = groups.reduce((sum, group) => sum + group.actions.length, 0)
  const overdue = groups.reduce((sum, group) => sum + group.actions.filter((action) => action.overdue).length, 0)
  const reference = (id: string): Inline => {
    const owner = context.contexts.find((candidate) => candidate.register.recommendations.some((recommendation) => recommendation.id === id))
    return owner === undefined ? id : recLink(owner, id)
  }
  const item = (action: ActionItem) => {
    const href = context.link(action.file)
    const place = `${action.file}:${action.line}`
    return h(
      'li',
      { 'data-overdue': action.overdue ? 'true' : 'false' },
      h('span.action-text', action.text),
      ' ',
      h(
        'span.meta',
        '— ',
        ...dueText(action),
        action.overdue ? [' ', h('span.flag.overdue', 'overdue')] : [],
        action.references.length > 0 ? ['; ', joined(action.references.map(reference), ', ')] : [],
        '; ',
        href === undefined ? place : h('a', { href: `${href}#L${action.line}` }, place)
      )
    )
  }
  const body: Child[] =
    open === 0
      ? [h('p', 'No open actions.')]
      : groups.map((group, index) => [
          h('h3', { id: `actions-${index + 1}` }, group.owner ?? noOwner, ` (${group.actions.length})`),
          h('ul.actions', { ariaLabelledBy: `actions-${index + 1}` }, group.actions.map(item))
        ])
  const summary = open === 0 ? [] : [h('p.note', `${plural(open, 'open action')}, ${overdue} overdue; unticked task items and ACTION lines of the minutes.`)]
  return block('section.actions', { ariaLabelledBy: 'actions' }, h('h2.section', { id: 'actions' }, 'Open actions'), ...summary, ...body.flat())
}
