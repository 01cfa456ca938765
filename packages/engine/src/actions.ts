import type { MinutesAnalysis } from './minutes.js'

/** An action agreed in a meeting, as the remark plugin reads it, with where it is. */
export interface MinutesAction {
  /** The minutes file (absolute path). */
  file: string
  /** The line the action starts on (1-based). */
  line: number
  /** The meeting's date, when the front matter is valid. */
  date?: string
  /** The action's words as plain text. */
  text: string
  /** Who is to do it, when the minutes say. */
  owner?: string
  /** When it is due (`YYYY-MM-DD`), when the minutes say. */
  due?: string
  /** A checked task-list item. */
  done: boolean
  /** The ids of the recommendations it names, each once, in order. */
  recommendations: string[]
}

/**
 * Every action of the analysed minutes (task-list items and `ACTION:` lines),
 * oldest meeting first, in the minutes' order within a meeting; actions of
 * undated minutes first. With `asOf`, minutes dated after it are left out.
 */
export function minutesActions(analyses: readonly MinutesAnalysis[], asOf?: string): MinutesAction[] {
  const list: MinutesAction[] = []
  for (const analysis of analyses) {
    const date = analysis.data.meeting?.date
    if (date !== undefined && asOf !== undefined && date > asOf) continue
    for (const action of analysis.data.actions) {
      list.push({
        file: analysis.path,
        line: action.position.start.line,
        ...(date !== undefined ? { date } : {}),
        text: action.text,
        ...(action.owner !== undefined ? { owner: action.owner } : {}),
        ...(action.due !== undefined ? { due: action.due } : {}),
        done: action.done,
        recommendations: [...new Set(action.references.map((reference) => reference.id))]
      })
    }
  }
  // A stable sort: actions of one meeting keep the minutes' order.
  return list.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
}
