/**
 * Orders and searches every package sorts and looks things up with, written
 * once: the comparison of two strings by code units, and the binary search
 * over a sorted list.
 */

/**
 * Compare two strings by UTF-16 code units, as `<` does: never by the locale,
 * so an order is the same in every browser, in Node and on every machine
 * (paths, ISO dates, rule ids).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * How many items at the start of `items` satisfy `holds`, for a list where
 * every item that does comes before every item that does not (a sorted list
 * and a "key at most x" test): the index of the first item that does not, by
 * binary search, in O(log n). As Rust's `partition_point` and C++'s
 * `std::partition_point`.
 *
 * @example
 * partitionPoint([1, 3, 3, 7], (n) => n <= 3) // 3: the last item at most 3 is at index 2
 * partitionPoint([1, 3, 3, 7], (n) => n < 3) // 1: the first item at least 3 is at index 1
 */
export function partitionPoint<T>(items: ArrayLike<T>, holds: (item: T) => boolean): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    // `middle` is below `items.length`, so this is an item (a check for
    // undefined would be wrong: T may include undefined).
    if (holds(items[middle] as T)) low = middle + 1
    else high = middle
  }
  return low
}
