export { configFileName, defaultConfig, discoverConfig, notUtf8, unreadable, type ConfigResult } from './config.js'
export { decodeUtf8, dirname, joinPath, relativePath, type FileSystem } from './file-system.js'
export {
  applySeverities,
  compareFindings,
  findingFromMessage,
  findingFromProblem,
  type Finding,
  type FindingSeverity
} from './finding.js'
export { MemoryFileSystem } from './memory-file-system.js'
export {
  analyzeMinutes,
  checkTree,
  emptyMinutesData,
  fileRuleFindings,
  internalError,
  minutesProcessor,
  type MinutesAnalysis,
  type MinutesContext
} from './minutes.js'
export {
  duplicateRegisterFindings,
  loadRegister,
  loadRegisters,
  registerFromText,
  validRegisters,
  type LoadedRegister
} from './registers.js'
export {
  allFindings,
  listMinutes,
  loadWorkspace,
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
export { applyFixes, referenceStyleFindings, type Fix } from './reference-style.js'
export { openMinutesDocument, updateMinutesDocument, type MinutesDocument, type MinutesHeading, type MinutesParseStats } from './minutes-document.js'
