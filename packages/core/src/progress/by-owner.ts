import type { Register } from '../schemas/register.js'
import type { Status } from '../schemas/status.js'
import { totals, type Totals } from './totals.js'

/** Progress of one owner: its name and the totals of the recommendations it owns. */
export interface OwnerProgress extends Totals {
  /** The owner's name as people write it. */
  name: string
}

/**
 * Progress per owner, keyed by owner id, in the register's owner order.
 *
 * A recommendation with two owners counts in full for each: both are
 * accountable for it, so splitting it would understate either's load. Owners
 * with no recommendations appear with zeros, so a report lists every owner. An
 * owner id used by a recommendation but missing from `owners` (only possible
 * in an unvalidated register) is listed after the others, named by its id.
 * An owner listed twice on one recommendation counts once.
 *
 * @param register - the register (its owners and recommendations).
 * @param statuses - each recommendation's status, as from `statusesOn`;
 *   recommendations without an entry are left out.
 */
export function byOwner(register: Pick<Register, 'owners' | 'recommendations'>, statuses: readonly { id: string; status: Status }[]): Record<string, OwnerProgress> {
  const statusById = new Map(statuses.map((entry) => [entry.id, entry.status]))
  const groups = new Map<string, { name: string; items: { status: Status }[] }>()
  for (const owner of register.owners) groups.set(owner.id, { name: owner.name, items: [] })
  for (const recommendation of register.recommendations) {
    const status = statusById.get(recommendation.id)
    if (status === undefined) continue
    for (const ownerId of new Set(recommendation.owners)) {
      let group = groups.get(ownerId)
      if (group === undefined) {
        group = { name: ownerId, items: [] }
        groups.set(ownerId, group)
      }
      group.items.push({ status })
    }
  }
  // Object.fromEntries defines own properties, so no id can reach the prototype.
  return Object.fromEntries([...groups].map(([id, group]) => [id, { name: group.name, ...totals(group.items) }]))
}
