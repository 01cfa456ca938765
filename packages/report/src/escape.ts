/**
 * Links and ids built from user data. The report's HTML is a hast tree, so
 * text and attribute values are escaped when it is serialised; what is left
 * here is what escaping cannot do: dropping links with a dangerous scheme,
 * percent-encoding paths, and making ids from user data. The report's own
 * script reads only `data-` attributes, never strings built from user data,
 * so nothing a register says can run.
 */

/**
 * Escape text for HTML element content or a quoted attribute value (core's:
 * the VS Code extension's summary uses it too).
 */
export { escapeHtml } from '@followthrough/core'

/** Schemes a link in the report may use; anything else (`javascript:`, `data:`, `vbscript:`) is dropped. */
const safeSchemes = new Set(['http:', 'https:', 'file:', 'mailto:'])

/** A URL scheme as the WHATWG URL parser reads one: a letter, then letters, digits, `+`, `-` or `.`, then `:`. */
const schemePattern = /^([a-zA-Z][a-zA-Z0-9+.-]*):/

/** A "C0 control or space" in the WHATWG URL Standard: a code unit from U+0000 to U+0020. */
function isC0ControlOrSpace(code: number): boolean {
  return code <= 0x20
}

/** A C0 control (U+0000 to U+001F) or DEL (U+007F): the control characters that are ASCII. */
const asciiControl = /(?=\p{ASCII})\p{Cc}/u

/**
 * What the URL parser reads after the browser's clean-up: leading and trailing
 * C0 controls and spaces stripped, tabs and newlines removed anywhere
 * (WHATWG URL Standard, "basic URL parser", steps 1 and 3).
 */
function asBrowserReads(href: string): string {
  let start = 0
  let end = href.length
  while (start < end && isC0ControlOrSpace(href.charCodeAt(start))) start++
  while (end > start && isC0ControlOrSpace(href.charCodeAt(end - 1))) end--
  return href.slice(start, end).replace(/[\t\n\r]/g, '')
}

/**
 * The href with character references decoded, as the HTML parser would if it
 * were written into an attribute unescaped: numeric ones (with or without the
 * `;`) and the named ones for the characters that change how a scheme reads.
 */
function asHtmlDecodes(href: string): string {
  const named: Readonly<Record<string, string>> = { colon: ':', Tab: '\t', NewLine: '\n', period: '.', plus: '+', hyphen: '-', dash: '-' }
  return href
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));?/gi, (whole, hex: string | undefined, decimal: string | undefined) => {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal)
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    })
    .replace(/&([A-Za-z]+);/g, (whole, name: string) => named[name] ?? whole)
}

function hasUnsafeScheme(href: string): boolean {
  const scheme = schemePattern.exec(asBrowserReads(href))
  return scheme !== null && !safeSchemes.has(`${(scheme[1] ?? '').toLowerCase()}:`)
}

/**
 * `href` for a link (a minutes file, the inquiry's `url`), or `undefined` when
 * it is not safe to follow. The scheme is read as a browser reads it: leading
 * and trailing spaces and C0 controls stripped, tabs and newlines inside
 * removed, case ignored, and character references (`&#106;`, `&colon;`)
 * decoded too, in case the value ever reaches HTML unescaped. Only relative
 * references and http(s), file and mailto URLs are kept, so
 * `" javascript:alert(1)"`, `"java\tscript:"`, `data:` and `vbscript:` are all
 * dropped. Any other C0 control or DEL inside also drops the link. What is kept
 * is the trimmed form the browser would use.
 */
export function safeHref(href: string): string | undefined {
  const trimmed = asBrowserReads(href)
  if (trimmed === '' || asciiControl.test(href.trim())) return undefined
  if (hasUnsafeScheme(href) || hasUnsafeScheme(asHtmlDecodes(href))) return undefined
  return trimmed
}

/**
 * The default link to a minutes file: its path (relative to the report, as the
 * CLI gives it) with each segment percent-encoded, so `#`, `?`, `:` and spaces
 * in a file name stay part of the path and never read as a query, a fragment
 * or a URL scheme.
 */
export function relativeHref(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/')
}

/**
 * An id attribute value built from user data: anything but letters, digits
 * and `-` (`_` included) becomes `_<code point in hex>_`, so distinct inputs
 * give distinct ids and none needs escaping.
 */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/gu, (character) => `_${character.codePointAt(0)?.toString(16) ?? ''}_`)
}
