/**
 * The one place where editor URIs and engine paths meet. The engine speaks
 * absolute paths with `/`; editors speak `file:` URIs, percent-encoded, and
 * VS Code writes a Windows drive as `file:///c%3A/…`. Paths keep the form
 * VS Code's `URI.path` has (`/c:/…`), so a path made from a URI and a URI made
 * from that path compare equal after {@link normalizeUri}.
 */

/**
 * The path of a `file:` URI (`file:///w/a%20b.md` → `/w/a b.md`); anything
 * that is not a URI is taken to be a path already.
 */
export function uriToPath(uri: string): string {
  if (!/^[a-zA-Z][\w+.-]*:/.test(uri) || /^[a-zA-Z]:[\\/]/.test(uri)) return toSlashes(uri)
  if (!uri.startsWith('file:')) return uri
  let rest = uri.slice('file:'.length)
  // `file:///path` and `file://host/path` (a UNC share keeps its host).
  let host = ''
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2)
    host = slash < 0 ? rest.slice(2) : rest.slice(2, slash)
    rest = slash < 0 ? '/' : rest.slice(slash)
  }
  const query = rest.search(/[?#]/)
  if (query >= 0) rest = rest.slice(0, query)
  let path = safeDecode(rest)
  // VS Code lowercases drive letters; do the same so paths compare.
  path = path.replace(/^\/([A-Za-z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`)
  return host !== '' && host !== 'localhost' ? `//${host}${path}` : path
}

/** The `file:` URI of an absolute path, encoded as VS Code encodes it. */
export function pathToUri(path: string): string {
  let slashed = toSlashes(path)
  if (/^[A-Za-z]:/.test(slashed)) slashed = `/${slashed}`
  if (slashed.startsWith('//')) {
    const slash = slashed.indexOf('/', 2)
    const host = slash < 0 ? slashed.slice(2) : slashed.slice(2, slash)
    return `file://${host}${encodePath(slash < 0 ? '/' : slashed.slice(slash))}`
  }
  return `file://${encodePath(slashed)}`
}

/** A URI in one spelling, so two spellings of the same file compare equal. */
export function normalizeUri(uri: string): string {
  return uri.startsWith('file:') ? pathToUri(uriToPath(uri)) : uri
}

function toSlashes(path: string): string {
  const slashed = path.replaceAll('\\', '/')
  return /^[A-Za-z]:/.test(slashed) ? `/${slashed[0]!.toLowerCase()}${slashed.slice(1)}` : slashed
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/')
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
