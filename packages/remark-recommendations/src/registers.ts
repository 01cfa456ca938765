import { compareIds, editDistance } from '@followthrough/core'
import { isObject, itemsOf } from './unknown.js'

/**
 * The registers, indexed once per plugin instance, and the questions the rules
 * ask of them: does it have this id, is it superseded, what did the writer mean.
 */

/**
 * A recommendation as the index keeps it: its id, and the rest of what its
 * register gave, unchecked (a register may reach the plugin without being
 * validated), so each field is read with a check.
 */
export type IndexedRecommendation = Readonly<Record<string, unknown>> & { readonly id: string }

/** One register, indexed by recommendation id. */
export interface IndexedRegister {
  readonly id: string
  readonly recommendations: ReadonlyMap<string, IndexedRecommendation>
  /** Ids in the register's order (for suggestions and the "R1 to R47" hint). */
  readonly order: readonly string[]
}

/** Every register by id, in the order given. */
export interface RegisterIndex {
  readonly registers: ReadonlyMap<string, IndexedRegister>
  readonly ids: readonly string[]
}

/**
 * Index registers (`Options['registers']`). Tolerates malformed input (a
 * register that failed validation but was passed anyway): entries without ids
 * are skipped.
 */
export function indexRegisters(registers: unknown): RegisterIndex {
  const byId = new Map<string, IndexedRegister>()
  for (const register of itemsOf(registers)) {
    if (!isObject(register)) continue
    const inquiry = register.inquiry
    const id = isObject(inquiry) ? inquiry.id : undefined
    if (typeof id !== 'string' || byId.has(id)) continue
    const recommendations = new Map<string, IndexedRecommendation>()
    for (const recommendation of itemsOf(register.recommendations)) {
      if (isIndexable(recommendation) && !recommendations.has(recommendation.id)) {
        recommendations.set(recommendation.id, recommendation)
      }
    }
    byId.set(id, { id, recommendations, order: [...recommendations.keys()] })
  }
  return { registers: byId, ids: [...byId.keys()] }
}

function isIndexable(recommendation: unknown): recommendation is IndexedRecommendation {
  return isObject(recommendation) && typeof recommendation.id === 'string'
}

/**
 * Whether a recommendation is superseded, and by what: `supersededBy`, or a
 * latest status (history, else baseline) of `superseded`. History events
 * without a date are skipped.
 */
export function supersession(recommendation: IndexedRecommendation): { successor?: string } | undefined {
  if (typeof recommendation.supersededBy === 'string') return { successor: recommendation.supersededBy }
  let latest: { date: string; status: unknown } | undefined
  for (const event of itemsOf(recommendation.history)) {
    if (!isObject(event) || typeof event.date !== 'string') continue
    if (latest === undefined || event.date >= latest.date) latest = { date: event.date, status: event.status }
  }
  const status = latest?.status ?? recommendation.status
  return status === 'superseded' ? {} : undefined
}

/** The parts of an id's number (`R4.2a` → [4, 2]); empty without digits. */
function numbersOf(id: string): number[] {
  const digits = /\d+(?:\.\d+)*/.exec(id)
  return digits === null ? [] : digits[0].split('.').map(Number)
}

/**
 * How far apart two ids' numbers are: the difference of the first part that
 * differs, weighted by how early it comes, so `R4.4` is nearer `R4.3` than
 * `R4.1`, and `R5` nearer `R4` than `R7`.
 */
function numberGap(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return Infinity
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const gap = Math.abs((a[index] ?? 0) - (b[index] ?? 0))
    if (gap !== 0) return gap * 1000 ** Math.max(0, 3 - index)
  }
  return 0
}

/**
 * Ids of `register` the writer may have meant by `id`: those few edits away (a
 * third of the id's length, at least one), closest first; among equals, one
 * that `id` starts with or that starts with `id` (a key pressed once too often
 * or too few), then the nearest by number. So `R52` suggests `R5`, then `R42`.
 */
export function suggestIds(id: string, register: IndexedRegister, max = 2): string[] {
  const limit = Math.max(1, Math.floor(id.length / 3))
  const target = numbersOf(id)
  const scored: Array<{ id: string; distance: number; prefix: number; gap: number; index: number }> = []
  register.order.forEach((candidate, index) => {
    const distance = editDistance(id, candidate)
    if (distance === 0 || distance > limit) return
    const prefix = id.startsWith(candidate) || candidate.startsWith(id) ? 0 : 1
    scored.push({ id: candidate, distance, prefix, gap: numberGap(numbersOf(candidate), target), index })
  })
  scored.sort((a, b) => a.distance - b.distance || a.prefix - b.prefix || a.gap - b.gap || a.index - b.index)
  return scored.slice(0, max).map((entry) => entry.id)
}

/** The letters an id starts with (`AFI` of `AFI3`). */
function prefixOf(id: string): string {
  return /^[A-Za-z]*/.exec(id)?.[0] ?? ''
}

/**
 * "R1 to R47": the register's lowest and highest ids by number, for messages;
 * with `like`, those of its kind (`AFI1 to AFI5` for an unknown `AFI9`) when
 * the register has any.
 */
export function extent(register: IndexedRegister, like?: string): string {
  const kind = like === undefined ? [] : register.order.filter((id) => prefixOf(id) === prefixOf(like))
  let low: string | undefined
  let high: string | undefined
  // In the order people count (`R4` < `R4.2` < `R4.10` < `R5`).
  for (const id of kind.length > 0 ? kind : register.order) {
    if (low === undefined || compareIds(id, low) < 0) low = id
    if (high === undefined || compareIds(id, high) > 0) high = id
  }
  if (low === undefined || high === undefined) return 'it has none'
  return low === high ? low : `${low} to ${high}`
}

/** "R5 or R42", "R5, R42 or R43". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}
