import type { Finding } from './findings.js'

/** Anything with a unist position: an mdast node, a table row or cell. */
interface Positioned {
  readonly position?: { readonly start: { readonly offset?: number | undefined }; readonly end: { readonly offset?: number | undefined } } | undefined
}

/**
 * The plugin's one error handler: runs `work`, and when it throws (a bug, or a
 * malformed tree left by an earlier plugin) records an `internal-error`
 * finding on `node` (at the start of the file when there is none) and returns
 * `fallback`. A failure is then shown where it happened, and only that node
 * is lost: the rest of the file is still read, instead of references silently
 * going missing. Every `try` of the plugin is this one.
 */
export function attempt<T>(findings: Finding[], doing: string, node: Positioned | undefined, work: () => T, fallback: T): T {
  try {
    return work()
  } catch (error) {
    findings.push(internalError(error, doing, node))
    return fallback
  }
}

/** The finding for a failure, on the node's span. */
function internalError(error: unknown, doing: string, node: Positioned | undefined): Finding {
  const start = node?.position?.start.offset ?? 0
  const end = node?.position?.end.offset ?? start
  const detail = error instanceof Error ? error.message : String(error)
  return {
    ruleId: 'internal-error',
    reason: `Unexpected failure while ${doing} (${detail}), expected none: please report it`,
    start,
    end,
    point: start === end
  }
}
