/**
 * @followthrough/remark-recommendations: a remark plugin that reads minutes —
 * references to recommendations, status update tables, actions and the front
 * matter — with exact positions, and reports problems as vfile messages.
 */
export { remarkRecommendations, remarkRecommendations as default, tooComplexField } from './plugin.js'
export {
  compileGrammar,
  escapeRegExp,
  keywordPattern,
  maxRangeSize,
  mergeSchemes,
  scanReferences,
  type GrammarOptions,
  type InvalidRange,
  type InvalidRangeReason,
  type ReferenceScanner,
  type ReferenceScheme,
  type ScannedReference,
  type ScanResult
} from './references.js'
export { defaultSeverities, resolveSeverities, ruleUrl, rules, type ReportSeverity, type RuleId, type RuleInfo } from './rules.js'
export { findDueDate, findMeetingDate, readDueCell, type FoundDueDate } from './due-dates.js'
export { nextMeetingHeading, readAction, type ActionFields } from './actions.js'
export { readEvidence, type CellEvidence } from './evidence.js'
export { plainText } from './plain-text.js'
export { readAssurance, readResponse, readStatus, statusColumns, type StatusColumns, type StatusReading, type WordReading } from './status-updates.js'
export { lineIndex, type LineIndex, type SourcePoint, type SourceSpan } from './positions.js'
export { toMinutesRecord } from './records.js'
export type { FoundAction, FoundReference, FoundStatusUpdate, MinutesData, Options } from './types.js'
