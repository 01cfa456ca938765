import { statuses } from '@followthrough/core'
import type { Finding } from '@followthrough/engine'
import type { CodeAction, CodeActionContext, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types'
import { documentFindings, toDiagnostic } from './diagnostics.js'
import { insertStatusTableKind } from './custom-protocol.js'
import { rewriteReference } from './rewrite.js'
import { statusTableEdit } from './status-table.js'
import { referencesAt } from './targets.js'
import { findingRange, rangesMeet } from './text.js'
import type { PlacedDocument } from './workspace-index.js'

/** The kind of the quick fixes. */
export const quickFix = 'quickfix'

/**
 * Quick fixes for the findings in a range: "Change to R12" for an unknown or
 * superseded id (the engine's suggestions, nearest first, the first
 * preferred), one fix per valid status for an update table's unknown status
 * (the suggested ones first and preferred), a qualified id for an ambiguous
 * reference, the nearest register for an unknown one, and the house style for
 * `reference-style`. Only the number of a prose reference changes. In minutes,
 * also the source action "Insert status update table" at the range's start
 * (kind `source.followthrough.insertStatusTable`, so editors keep it out of
 * the light bulb).
 */
export function getCodeActions(placed: PlacedDocument, range: Range, context: CodeActionContext, today: string): CodeAction[] {
  const actions = wanted(context, quickFix) ? quickFixes(placed, range, context) : []
  if (wanted(context, insertStatusTableKind)) {
    const table = statusTableEdit(placed, range.start, today)
    if ('edit' in table) actions.push({ title: 'Insert status update table', kind: insertStatusTableKind, edit: { changes: { [placed.uri]: [table.edit] } } })
  }
  return actions
}

/** Whether the editor wants actions of a kind (`only` names it or a kind above it, or filters nothing). */
function wanted(context: CodeActionContext, kind: string): boolean {
  return !context.only || context.only.some((only) => only === '' || only === kind || kind.startsWith(`${only}.`))
}

function quickFixes(placed: PlacedDocument, range: Range, context: CodeActionContext): CodeAction[] {
  const findings = documentFindings(placed).filter((finding) => rangesMeet(findingRange(finding), range))
  const actions: CodeAction[] = []
  for (const finding of findings) {
    const diagnostic = matching(context.diagnostics, finding)
    const fix = (title: string, edit: TextEdit, preferred: boolean): CodeAction => {
      const action: CodeAction = { title, kind: quickFix, diagnostics: [diagnostic], edit: { changes: { [placed.uri]: [edit] } } }
      if (preferred) action.isPreferred = true
      return action
    }
    const suggestions = finding.suggestions ?? []
    switch (finding.ruleId) {
      case 'unknown-recommendation':
      case 'superseded-recommendation': {
        const reference = referenceAt(placed, finding)
        if (!reference) break
        suggestions.forEach((id, index) => {
          const rewrite = rewriteReference(reference.reference, reference.members, id, prefixOf(placed))
          if ('error' in rewrite) return
          actions.push(fix(`Change to ${id}`, rewrite, index === 0))
        })
        break
      }
      case 'unknown-status': {
        const suggested = suggestions.filter((status) => (statuses as readonly string[]).includes(status))
        const ordered = [...suggested, ...statuses.filter((status) => !suggested.includes(status))]
        for (const status of ordered) actions.push(fix(`Change status to ${status}`, { range: findingRange(finding), newText: status }, suggested.includes(status)))
        break
      }
      case 'ambiguous-reference': {
        const reference = referenceAt(placed, finding)
        // Only the id form can be qualified without rewording the sentence.
        if (!reference || reference.reference.text !== reference.reference.id) break
        suggestions.forEach((qualified, index) => actions.push(fix(`Change to ${qualified}`, { range: findingRange(finding), newText: qualified }, index === 0)))
        break
      }
      case 'unknown-register': {
        const written = placed.text.slice(finding.offset ?? 0, finding.endOffset ?? 0)
        const colon = written.indexOf(':')
        suggestions.forEach((register, index) => {
          const newText = colon >= 0 ? `${register}${written.slice(colon)}` : register
          actions.push(fix(`Change to ${newText}`, { range: findingRange(finding), newText }, index === 0))
        })
        break
      }
      case 'reference-style': {
        const wanted = suggestions[0]
        if (wanted !== undefined) actions.push(fix(`Write ${JSON.stringify(wanted)} (the house style)`, { range: findingRange(finding), newText: wanted }, true))
        break
      }
      default:
        break
    }
  }
  return actions
}

function prefixOf(placed: PlacedDocument): string {
  return placed.folder.workspace?.config.config.prefix ?? 'R'
}

/** The reference a finding sits on, with the references sharing its span. */
function referenceAt(placed: PlacedDocument, finding: Finding) {
  const offset = finding.offset
  if (offset === undefined || !placed.minutes) return undefined
  const members = referencesAt(placed.minutes.analysis.data.references, offset).filter(
    (reference) => reference.position.start.offset === offset && reference.position.end.offset === finding.endOffset
  )
  const reference = members[0]
  return reference ? { reference, members } : undefined
}

/** The editor's diagnostic for a finding, when it sent one; else the finding as a diagnostic. */
function matching(diagnostics: readonly Diagnostic[], finding: Finding): Diagnostic {
  const range = findingRange(finding)
  const same = diagnostics.find(
    (diagnostic) =>
      diagnostic.code === finding.ruleId &&
      diagnostic.range.start.line === range.start.line &&
      diagnostic.range.start.character === range.start.character &&
      diagnostic.range.end.line === range.end.line &&
      diagnostic.range.end.character === range.end.character
  )
  return same ?? toDiagnostic(finding)
}
