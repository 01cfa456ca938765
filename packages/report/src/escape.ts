/**
 * Escaping for text and attribute values put into the report's HTML. Every
 * piece of user data (titles, names, notes, paths) goes through
 * {@link escapeHtml}; the report's own script reads only `data-` attributes,
 * never strings built from user data, so nothing a register says can run.
 */

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
 * one function serves both.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character)
}

/** Schemes a link in the report may use; anything else (`javascript:`, `data:`) is dropped. */
const safeSchemes = new Set(['http:', 'https:', 'file:', 'mailto:'])

/**
 * `href` for a link the caller made (with `minutesLink`), or `undefined` when
 * it is not safe to follow: only relative references and http(s), file and
 * mailto URLs are kept, so a crafted path can never become `javascript:`.
 * Control characters and whitespace, which browsers strip before reading the
 * scheme, are rejected too.
 */
export function safeHref(href: string): string | undefined {
  if (href === '' || /[\u0000-\u001f\u007f]/.test(href)) return undefined
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)
  if (scheme === null) return href
  return safeSchemes.has(`${(scheme[1] ?? '').toLowerCase()}:`) ? href : undefined
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
