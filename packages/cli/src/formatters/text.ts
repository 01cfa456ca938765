/**
 * Text from users' files (file names, titles, owner names, messages that quote
 * them) made safe for where the CLI prints it: a terminal, a GitHub job
 * summary, a JSON consumer. Every formatter goes through these three, so a
 * register cannot move the cursor, retitle the terminal, reorder a line with
 * bidi overrides, or add images and links to a pull request's summary.
 */

/**
 * Characters a terminal acts on, or that change how the rest of a line reads:
 * C0 controls (ESC starts every escape sequence), DEL, C1 controls (U+009B is
 * CSI on its own), bidi embeddings, overrides, isolates and marks ("Trojan
 * Source"), and the Unicode line and paragraph separators.
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g
const unsafeExceptLineBreaks = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g

const shortEscapes: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' }

function escapeCharacter(character: string): string {
  const short = shortEscapes[character]
  if (short !== undefined) return short
  const code = character.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * Make control characters visible and harmless for a terminal: ESC becomes the
 * four characters `\x1b`, a right-to-left override `\u202e`, a tab `\t`, a
 * line feed `\n`. Everything else, accented letters and emoji included, is
 * left alone. With `keepLineBreaks`, CR and LF stay (for formats that escape
 * them their own way, such as GitHub's `%0A`).
 */
export function visible(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  return text.replace(options.keepLineBreaks === true ? unsafeExceptLineBreaks : unsafe, escapeCharacter)
}

/**
 * ASCII punctuation that Markdown, GFM or GitHub's renderer may read as syntax
 * somewhere: all of it but `,`, `;`, `%`, `/`, `?`, `'` and `"`, which mean
 * something only inside a construct another (escaped) character would open.
 * `$` is here for GitHub's math, `:` for emoji shortcodes and autolinks.
 */
const markdownSignificant = /[!#$&()*+\-.:<=>@[\\\]^_`{|}~]/g

/**
 * Escape text so Markdown (CommonMark and GitHub's GFM) shows it as the same
 * text: every Markdown-significant ASCII punctuation character gets a
 * backslash (CommonMark lets any of them be escaped, and an escaped character
 * never starts emphasis, a link, an image, an HTML tag, an entity, a heading,
 * a list, a table cell or an autolink), line breaks become spaces (so a table
 * row or a heading stays on its line), and control characters are made
 * {@link visible}.
 *
 * @example
 * escapeMarkdown('![x](https://e.example/t.png) <b>') // '\\!\\[x\\]\\(https\\://e\\.example/t\\.png\\) \\<b\\>'
 */
export function escapeMarkdown(text: string): string {
  return visible(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')).replace(markdownSignificant, '\\$&')
}

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
