import { relativePath, type MinutesAnalysis } from '@followthrough/engine'
import { stringifyJson, visible } from './text.js'

/** One reference in `refs --format json`. */
export interface JsonReference {
  file: string
  id: string
  register: string | null
  text: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** The references found, as JSON or an aligned table. */
export function formatRefs(analyses: readonly MinutesAnalysis[], options: { cwd: string; format: string }): string {
  const rows: JsonReference[] = analyses.flatMap((analysis) =>
    analysis.data.references.map((reference) => ({
      file: relativePath(options.cwd, analysis.path),
      id: reference.id,
      register: reference.register ?? null,
      text: reference.text,
      line: reference.position.start.line,
      column: reference.position.start.column,
      endLine: reference.position.end.line,
      endColumn: reference.position.end.column
    }))
  )
  if (options.format === 'json') return stringifyJson(rows, 2) + '\n'
  return table(
    ['file', 'line:col', 'id', 'register', 'text'],
    rows.map((row) => [row.file, `${row.line}:${row.column}`, row.id, row.register ?? '', row.text.replace(/\s+/g, ' ')])
  )
}

/**
 * Left-aligned columns separated by two spaces. Cells are made {@link visible}
 * (every table the CLI prints goes through here), so widths count what the
 * terminal shows and no cell carries a control character.
 */
export function table(header: readonly string[], cells: ReadonlyArray<readonly string[]>): string {
  const rows = cells.map((row) => row.map((cell) => visible(cell)))
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n') + '\n'
}
