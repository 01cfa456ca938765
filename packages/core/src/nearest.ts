/**
 * Edit distance between two strings (Levenshtein: insertions, deletions and
 * substitutions each cost one).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(current[j - 1]! + 1, previous[j]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * The candidates closest to `value`, best first: those within `maxDistance`
 * edits (by default a third of the longer string, at least one), ties kept in
 * the candidates' order. Used for "did you mean R12?" suggestions.
 */
export function nearest(value: string, candidates: Iterable<string>, options: { max?: number; maxDistance?: number } = {}): string[] {
  const max = options.max ?? 3
  const scored: Array<{ candidate: string; distance: number; index: number }> = []
  let index = 0
  for (const candidate of candidates) {
    const limit = options.maxDistance ?? Math.max(1, Math.floor(Math.max(value.length, candidate.length) / 3))
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase())
    if (distance <= limit && candidate !== value) scored.push({ candidate, distance, index })
    index++
  }
  scored.sort((a, b) => a.distance - b.distance || a.index - b.index)
  return scored.slice(0, max).map((entry) => entry.candidate)
}
