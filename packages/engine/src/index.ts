export { configFileName, defaultConfig, discoverConfig, type ConfigResult } from './config.js'
export { decodeFile, decodeUtf8, notUtf8, type DecodeResult } from './decode-text.js'
export { contentDigest } from './digest.js'
export {
  basename,
  dirname,
  isInside,
  joinPath,
  kindName,
  maxFileBytes,
  mebibytes,
  normalizePath,
  ReadRefusedError,
  relativePath,
  type FileInfo,
  type FileKind,
  type FileSystem,
  type ReadOptions,
  type WritableFileSystem
} from './file-system.js'
export { fixFile, type FixOutcome } from './fix-file.js'
export { errorReason, outsideWorkspace, readRegularFile, readWorkspaceFile, unreadable, type ReadResult } from './read-file.js'
export { WriteError, writeFileAtomically, type WriteOptions } from './write-file.js'
export { applySeverities, compareFindings, findingFromMessage, findingFromProblem, type Finding, type FindingSeverity } from './finding.js'
export { MemoryFileSystem } from './memory-file-system.js'
export {
  analyzeMinutes,
  checkTree,
  emptyMinutesData,
  fileRuleFindings,
  internalError,
  minutesProcessor,
  type MinutesAnalysis,
  type MinutesContext,
  type WorkspaceContext
} from './minutes.js'
export { duplicateRegisterFindings, loadRegister, loadRegisters, registerFromText, validRegisters, type LoadedRegister } from './registers.js'
export {
  allFindings,
  listMinutes,
  loadWorkspace,
  minutesFindings,
  minutesRecords,
  readMinutes,
  resolvePath,
  workspaceFindings,
  workspaceProgress,
  type Workspace
} from './workspace.js'
export { discussedAfterClosure, statusRegressions } from './workspace-rules.js'
export { allRules, engineRuleUrl, type EngineRule } from './rules.js'
export { lineStart, parseGuarded, parseMinutes, shiftPositions, type GuardedParse } from './parse-minutes.js'
export { complexityLimits, type ComplexityProblem } from './parse-guard.js'
export { minutesMatcher } from './minutes-paths.js'
export {
  draftRegister,
  ownerToConfirm,
  registerText,
  type DraftDuplicate,
  type DraftedRecommendation,
  type DraftPassage,
  type RegisterContent,
  type RegisterDraft,
  type RegisterTextOptions
} from './draft-register.js'
export { starterMinutesFolder, starterPaths, starterRegisterPath, starterWorkspace, type StarterFile, type StarterOptions } from './starter-workspace.js'
export { minutesFileName, minutesFolder, minutesTemplate, minutesTitle, yamlScalar, type MinutesTemplate } from './minutes-template.js'
export { applyFixes, referenceStyleFindings, type Fix } from './reference-style.js'
export { configScheme, referenceGrammar, referenceSchemes } from './schemes.js'
export { openMinutesDocument, updateMinutesDocument, type MinutesDocument, type MinutesHeading, type MinutesParseStats } from './minutes-document.js'
export { recommendationDiscussions, sentenceAround, type Discussion } from './discussions.js'
export { actionDueDates, minutesActions, nextMeetingFindings, nextMeetings, type MinutesAction, type MinutesActionsOptions, type NextMeeting } from './actions.js'
