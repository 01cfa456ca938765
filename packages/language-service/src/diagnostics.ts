import type { Finding } from '@followthrough/engine'
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types'
import { findingRange } from './text.js'
import type { PlacedDocument } from './workspace-index.js'

/** What a diagnostic carries for code actions. */
export interface DiagnosticData {
  ruleId: string
  /** Replacements the engine suggests (ids or statuses). */
  suggestions?: string[]
}

/** Where diagnostics say they come from. */
export const diagnosticSource = 'followthrough'

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const

// Findings that did not move since the last version are the same objects: so are their diagnostics.
const converted = new WeakMap<Finding, Diagnostic>()

/**
 * An engine finding as an LSP diagnostic: same rule id (the `code`), severity,
 * message and place as the CLI prints. `data` carries the engine's
 * suggestions when there are some (thousands of diagnostics go to the editor
 * on every keystroke in a long file: nothing is sent twice).
 */
export function toDiagnostic(finding: Finding): Diagnostic {
  const known = converted.get(finding)
  if (known) return known
  const diagnostic: Diagnostic = {
    range: findingRange(finding),
    severity: severities[finding.severity],
    code: finding.ruleId,
    source: diagnosticSource,
    message: finding.message
  }
  if (finding.url !== undefined) diagnostic.codeDescription = { href: finding.url }
  if (finding.suggestions !== undefined && finding.suggestions.length > 0) {
    const data: DiagnosticData = { ruleId: finding.ruleId, suggestions: [...finding.suggestions] }
    diagnostic.data = data
  }
  converted.set(finding, diagnostic)
  return diagnostic
}

/**
 * The findings of a document: for minutes, exactly the CLI's (the engine's
 * own findings for the file, then the workspace rules' once every file is
 * indexed, with the config's severities); for a register or the config, their
 * YAML, JSON and schema problems. Other files have none.
 */
export function documentFindings(placed: Pick<PlacedDocument, 'folder' | 'kind' | 'path'>): Finding[] {
  switch (placed.kind) {
    case 'minutes':
      return placed.folder.minutesFindings(placed.path)
    case 'register':
    case 'config':
      return placed.folder.fileFindings(placed.path)
    default:
      return []
  }
}

/** The diagnostics of a document. */
export function getDiagnostics(placed: Pick<PlacedDocument, 'folder' | 'kind' | 'path'>): Diagnostic[] {
  return documentFindings(placed).map(toDiagnostic)
}
