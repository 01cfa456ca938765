export { addDays, dayNumber, daysBetween, isIsoDate, today } from './dates.js'
export { editDistance, nearest } from './nearest.js'
export { compareIds, idSortKey } from './ids.js'
export { compareStrings, partitionPoint } from './order.js'
export { formatFromPath, parseWithSchema, type Format, type ParseOptions } from './parse.js'
export { parseConfig, parseMeeting, parseRegister } from './parse-files.js'
export { formatProblem, type ParseResult, type Problem } from './problem.js'
export { ConfigSchema, defaultKeywords, SeveritySchema, type Config, type ConfigInput, type Severity } from './schemas/config.js'
export { MeetingSchema, type Meeting } from './schemas/meeting.js'
export {
  describe,
  IsoDateSchema,
  PointSchema,
  PositionSchema,
  RecommendationIdSchema,
  SlugSchema,
  TextSchema,
  type IsoDate,
  type Point,
  type Position,
  type RecommendationId
} from './schemas/primitives.js'
export {
  ActionItemSchema,
  ActionSchema,
  DueSourceSchema,
  MinutesRecordSchema,
  ReferenceSchema,
  StatusUpdateSchema,
  type Action,
  type ActionItem,
  type DueSource,
  type MinutesRecord,
  type Reference,
  type StatusUpdate
} from './schemas/records.js'
export { openActionsByOwner, type OwnerActions } from './open-actions.js'
export {
  assuranceLabels,
  AssuranceSchema,
  assurances,
  EvidenceSchema,
  responseDecisionLabels,
  ResponseDecisionSchema,
  responseDecisions,
  ResponseSchema,
  SchemeSchema,
  type Assurance,
  type Evidence,
  type Response,
  type ResponseDecision,
  type Scheme
} from './schemas/accountability.js'
export {
  eventAccountabilityFields,
  InquirySchema,
  OwnerSchema,
  RecommendationSchema,
  RegisterSchema,
  StatusEventSchema,
  type Inquiry,
  type Owner,
  type Recommendation,
  type Register,
  type StatusEvent
} from './schemas/register.js'
export { closedStatuses, normalizeStatus, statuses, statusLabels, StatusSchema, type Status } from './schemas/status.js'
export {
  assertIsoDate,
  assertWholeDays,
  assurance,
  assuranceGapByOwner,
  burnUp,
  byOwner,
  byTheme,
  computeProgress,
  countByStatus,
  countsForRegister,
  coverage,
  currentDue,
  defaultDueSoonDays,
  defaultForecastWindowDays,
  dueOn,
  dueRevisions,
  duesOn,
  dueSoon,
  forecast,
  isRegisterRecord,
  neverDiscussed,
  overdue,
  recommendationSummaries,
  registerMeetings,
  registerUpdates,
  responses,
  responsesOn,
  slippage,
  staleness,
  statusesOn,
  statusOn,
  statusTimeline,
  totals,
  type AssuranceByStatus,
  type AssuranceCounts,
  type AssuranceFigures,
  type BurnUpPoint,
  type Coverage,
  type CoverageMeeting,
  type CoverageRow,
  type DatedStatus,
  type DueRevision,
  type DueSoonItem,
  type DueSubject,
  type DueUpdateLike,
  type Forecast,
  type MinutesReference,
  type MinutesUpdate,
  type OverdueItem,
  type RecordedResponse,
  type ResponseUpdateLike,
  type OwnerProgress,
  type Progress,
  type ProgressOptions,
  type RecommendationStatus,
  type RecommendationSummary,
  type RegisterMeeting,
  type Responses,
  type Slippage,
  type SlippageItem,
  type Staleness,
  type StatusCounts,
  type StatusEventLike,
  type StatusSubject,
  type StatusTimeline,
  type StatusUpdateLike,
  type StatusWithDue,
  type Totals
} from './progress/index.js'
export { configJsonSchema, jsonSchemaFiles, registerJsonSchema } from './json-schemas.js'
export { escapeHtml, escapeMarkdown, percent, visible, type EscapeMarkdownOptions } from './text.js'
export { locateRegister, type IdLocation, type RecommendationLocation, type RegisterLocations, type SourceRange } from './register-locations.js'
