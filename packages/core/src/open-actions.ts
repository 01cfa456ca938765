import { compareStrings } from './order.js'
import type { ActionItem } from './schemas/records.js'

/** One owner's open actions, as {@link openActionsByOwner} groups them. */
export interface OwnerActions {
  /** The owner as the minutes name it; `null` for actions that name none. */
  owner: string | null
  actions: ActionItem[]
}

/** Overdue first, then by due date (none last); equal ones keep their order. */
function byUrgency(a: ActionItem, b: ActionItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : compareStrings(a.due, b.due)
  return 0
}

/**
 * The open (unticked) actions grouped by owner, as the report and
 * `followthrough actions` show them: owners alphabetically (case aside, then
 * exactly), actions without an owner last; within an owner, overdue first,
 * then by due date (none last), then in the order given.
 */
export function openActionsByOwner(actions: readonly ActionItem[]): OwnerActions[] {
  const groups = new Map<string | null, ActionItem[]>()
  for (const action of actions) {
    if (action.done) continue
    const list = groups.get(action.owner)
    if (list === undefined) groups.set(action.owner, [action])
    else list.push(action)
  }
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : compareStrings(a.toLowerCase(), b.toLowerCase()) || compareStrings(a, b)))
    .map(([owner, list]) => ({ owner, actions: list.sort(byUrgency) }))
}
