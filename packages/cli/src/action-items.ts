import type { ActionItem } from '@followthrough/core'
import type { MinutesAction, MinutesAnalysis } from '@followthrough/engine'

/**
 * The minutes' actions as core's `ActionItem` (the shape every door lists
 * actions in), from the engine's `minutesActions`. The column comes from the
 * analysis the action was found in; `dueSource` is `date` when the action's
 * words hold its due date as written (`2024-09-30`), else `null`: the remark
 * plugin does not say how it read a due date. An engine function returning
 * `ActionItem`s directly is to replace this adapter.
 *
 * @param actions - from `minutesActions(analyses, asOf)`.
 * @param analyses - the analyses they came from (for the column).
 * @param asOf - the report date: an open action due before it is overdue.
 * @param file - how each minutes file is to be named (relative to the report or the working folder).
 */
export function actionItems(actions: readonly MinutesAction[], analyses: readonly MinutesAnalysis[], asOf: string, file: (path: string) => string): ActionItem[] {
  const columns = new Map<string, number>()
  for (const analysis of analyses) {
    for (const action of analysis.data.actions) {
      const key = `${analysis.path}:${action.position.start.line}`
      if (!columns.has(key)) columns.set(key, action.position.start.column)
    }
  }
  return actions.map((action) => ({
    file: file(action.file),
    line: action.line,
    column: columns.get(`${action.file}:${action.line}`) ?? 1,
    text: action.text,
    owner: action.owner ?? null,
    due: action.due ?? null,
    dueSource: action.due !== undefined && action.text.includes(action.due) ? 'date' : null,
    done: action.done,
    references: [...action.recommendations],
    overdue: !action.done && action.due !== undefined && action.due < asOf
  }))
}
