/**
 * Text from users' files (titles, owner names, notes, messages that quote
 * them) made safe for where it is shown: a terminal, Markdown (a GitHub job
 * summary, an editor's hover, a table cell), HTML. Written once here, the lowest
 * package every user of them depends on (the CLI, the language service, the
 * report, the VS Code extension).
 */

/**
 * Characters a terminal acts on, or that change how the rest of a line reads:
 * C0 controls (ESC starts every escape sequence), DEL, C1 controls (U+009B is
 * CSI on its own; the three are Unicode's `Cc`), bidi embeddings, overrides,
 * isolates and marks ("Trojan Source"), and the Unicode line and paragraph
 * separators.
 */
const unsafe = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu
/** The same, CR and LF aside (`[^\P{Cc}\n\r]` is a control but neither of them). */
const unsafeExceptLineBreaks = /[^\P{Cc}\n\r]|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu

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

/** A line break, in any of the forms a file or a YAML block scalar may hold. */
const lineBreak = /\r\n|[\r\n\u2028\u2029]/g

/**
 * One or more blank lines (white space only) between two lines. A CR counts
 * alone only when no LF follows, so `\r\n` is one line break, never two.
 */
const paragraphBreak = /(?:\r\n|\r(?!\n)|[\n\u2028\u2029])(?:[ \t]*(?:\r\n|\r(?!\n)|[\n\u2028\u2029]))+/

/**
 * What can format where it stands in CommonMark and GFM: emphasis and strong
 * (`*`, `_`), code (`` ` ``), links, images and link definitions (`[`, `]`;
 * `![x](y)` is no image once its `[` is escaped), HTML and autolinks (`<`),
 * block quotes (`>`), table cells (`|`), strikethrough (`~`) and the escape
 * character itself.
 */
const formatting = /[\\`*_[\]<>|~]/g

/** An `&` that starts a character reference (`&lt;`, `&#60;`, `&#x3C;`), which would show as another character. */
const reference = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g

/**
 * What GFM turns into a link by itself (autolink literals): the `:` of
 * `http://` and `https://`, the `.` after `www`, the `@` of an e-mail
 * address. Escaped, a URL shows as written, never as a link (and never with a
 * backslash of a later escape inside it).
 */
const autolink = /(?<=\bhttps?):(?=\/\/)|(?<=\bwww)\.(?=[^\s.])|(?<=[\w.+-])@(?=[\w-]+\.[\w-])/gi

/** A block marker at the start of a line: a heading (`#`), a list item or thematic break (`-`, `+`), an ordered list item (`1.`, `1)`). */
const blockStart = /^([ \t]*)(?:([#+-])|(\d{1,9})([.)]))/

/** Options of {@link escapeMarkdown}. */
export interface EscapeMarkdownOptions {
  /**
   * Keep the text's paragraphs: each run of blank lines becomes one blank line
   * (`\n\n`) and each paragraph is trimmed (four leading spaces would start a
   * code block), so a recommendation's text reads as its paragraphs in a
   * hover. Within a paragraph, line breaks still become spaces, so no later
   * line can start a heading, a quote or a list. Off by default: the result is
   * one line, safe in a heading or a table cell.
   */
  paragraphs?: boolean
  /**
   * What gets a backslash. `'all'` (the default): every Markdown-significant
   * punctuation character, for Markdown that GitHub renders (job summaries,
   * pull request comments), where any of them may mean something somewhere
   * (autolinks, emoji shortcodes, math). `'formatting'`: only what would format
   * where it stands (see `formatting` above, an `&` that starts a character
   * reference, and a block marker at the start of the text or of a
   * paragraph, and what GFM would link by itself: the `:` of `https://`, the
   * `.` of `www.`, the `@` of an e-mail address), for an editor's hover, which
   * some editors (Neovim, Helix) show as source: `Telford & Wrekin's
   * victim-first plan (2022).` keeps every character as written.
   */
  escape?: 'all' | 'formatting'
}

/**
 * Escape text so Markdown (CommonMark and GitHub's GFM) shows it as the same
 * text: by default every Markdown-significant ASCII punctuation character gets
 * a backslash (CommonMark lets any of them be escaped, and an escaped
 * character never starts emphasis, a link, an image, an HTML tag, an entity, a
 * heading, a block quote, a list, a table cell or an autolink), line breaks
 * become spaces (so a table row or a heading stays on its line), and control
 * characters are made {@link visible}. With `paragraphs`, blank lines stay as
 * paragraph breaks, for text that stands as its own block; with
 * `escape: 'formatting'`, only what would format gets a backslash.
 *
 * @example
 * escapeMarkdown('![x](https://e.example/t.png) <b>') // '\\!\\[x\\]\\(https\\://e\\.example/t\\.png\\) \\<b\\>'
 * escapeMarkdown('# One\n\n> two-fold', { paragraphs: true, escape: 'formatting' }) // '\\# One\n\n\\> two-fold'
 */
export function escapeMarkdown(text: string, options: EscapeMarkdownOptions = {}): string {
  const escape = options.escape === 'formatting' ? escapeFormatting : escapeAll
  if (options.paragraphs !== true) return escape(oneLine(text))
  return text
    .split(paragraphBreak)
    .map((paragraph) => escape(oneLine(paragraph).trim()))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n')
}

function oneLine(text: string): string {
  return visible(text.replace(lineBreak, ' '))
}

function escapeAll(line: string): string {
  return line.replace(markdownSignificant, '\\$&')
}

function escapeFormatting(line: string): string {
  return line
    .replace(formatting, '\\$&')
    .replace(reference, '\\&')
    .replace(autolink, '\\$&')
    .replace(blockStart, (_whole, space: string, marker: string | undefined, digits: string | undefined, delimiter: string | undefined) =>
      marker !== undefined ? `${space}\\${marker}` : `${space}${digits}\\${delimiter}`
    )
}

/** A ratio as a whole percentage: `0.375` → `38%`. */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Escape text for HTML element content or a quoted attribute value: `&`, `<`,
 * `>`, `"` and `'` become entities. Anything else is safe in both places, so
 * one function serves both. (The report builds its HTML as a tree, which
 * escapes by construction; this is for HTML written as a string.)
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character)
}
