/**
 * Text from users' files (file names, titles, owner names, messages that quote
 * them) made safe for where the CLI prints it: a terminal, a GitHub job
 * summary, a JSON consumer. Every formatter goes through these three, so a
 * register cannot move the cursor, retitle the terminal, reorder a line with
 * bidi overrides, or add images and links to a pull request's summary.
 * `visible` and `escapeMarkdown` are core's (the editor's hovers use them too).
 */
export { escapeMarkdown, visible } from '@followthrough/core/text'

/**
 * `JSON.stringify`, with the characters it leaves raw but a terminal acts on
 * (DEL, C1 controls, bidi controls, U+2028 and U+2029) written as `\uXXXX`
 * escapes: the same JSON value, safe to `cat`. (C0 controls, ESC among them,
 * are escaped by `JSON.stringify` itself.)
 */
export function stringifyJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}
