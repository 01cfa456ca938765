/**
 * Edit distance between two strings (Levenshtein: insertions, deletions and
 * substitutions each cost one).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  // One row of the distance table at a time, without its first column (the
  // row's number): `previous[j]` is the distance from a's first i - 1 code
  // units to b's first j + 1.
  let previous = Array.from({ length: b.length }, (_, index) => index + 1)
  let distance = b.length
  for (let i = 0; i < a.length; i++) {
    let diagonal = i
    distance = i + 1
    const current: number[] = []
    for (const [j, above] of previous.entries()) {
      distance = Math.min(distance + 1, above + 1, diagonal + (a.charCodeAt(i) === b.charCodeAt(j) ? 0 : 1))
      diagonal = above
      current.push(distance)
    }
    previous = current
  }
  return distance
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
