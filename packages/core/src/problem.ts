/**
 * A problem found in a file, positioned so editors can underline it and CI can
 * annotate it: 1-based lines and columns, 0-based offsets, end exclusive.
 */
export interface Problem {
  /** What is wrong, worded "Unexpected X, expected Y". */
  message: string
  /** Stable id of the check, such as `yaml-syntax` or `invalid-register`. */
  ruleId: string
  severity: 'error' | 'warning'
  /** The file, when the caller named one. */
  path?: string
  line: number
  column: number
  endLine: number
  endColumn: number
  offset: number
  endOffset: number
}

/** The outcome of parsing: the value, or the problems that stop it. */
export type ParseResult<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; value?: undefined; problems: Problem[] }

/** Format a problem as `path:line:column: message [ruleId]`, as compilers do. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.path ?? '<input>'}:${problem.line}:${problem.column}`
  return `${where}: ${problem.severity}: ${problem.message} [${problem.ruleId}]`
}
