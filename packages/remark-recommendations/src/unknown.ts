/**
 * Checks for values the plugin does not control: its options, registers passed
 * without validation, nodes other plugins put in the tree.
 */

/** An object whose fields are still to be checked (arrays included, as `typeof` says). */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null
}

/** The items of an array, or none for anything else. */
export function itemsOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : []
}
