/**
 * Progress calculations over a register and its dated minutes: statuses on a
 * date, totals by status, owner and theme, due dates on a date, overdue and
 * due soon, responses, assurance, slippage, staleness, coverage, burn-up and
 * forecast. Pure TypeScript, for Node and browsers.
 */
export { assertIsoDate, assertWholeDays } from './assert.js'
export { burnUp, type BurnUpPoint } from './burn-up.js'
export { byOwner, type OwnerProgress } from './by-owner.js'
export { byTheme } from './by-theme.js'
export { computeProgress, type Progress, type ProgressOptions } from './compute-progress.js'
export { coverage, type Coverage, type CoverageMeeting, type CoverageRow } from './coverage.js'
export { defaultDueSoonDays, dueSoon, overdue, type DueSoonItem, type OverdueItem, type StatusWithDue } from './due.js'
export { currentDue, dueOn, dueRevisions, duesOn, type DueRevision, type DueSubject, type DueUpdateLike } from './due-on.js'
export { responses, responsesOn, type RecordedResponse, type Responses, type ResponseUpdateLike } from './responses.js'
export { assurance, assuranceGapByOwner, type AssuranceByStatus, type AssuranceCounts, type AssuranceFigures } from './assurance.js'
export { slippage, type Slippage, type SlippageItem } from './slippage.js'
export { defaultForecastWindowDays, forecast, type Forecast } from './forecast.js'
export { countsForRegister, isRegisterRecord, registerMeetings, registerUpdates, type MinutesReference, type MinutesUpdate, type RegisterMeeting } from './register-minutes.js'
export { neverDiscussed, staleness, type Staleness } from './staleness.js'
export {
  statusesOn,
  statusOn,
  statusTimeline,
  type DatedStatus,
  type RecommendationStatus,
  type StatusEventLike,
  type StatusSubject,
  type StatusTimeline,
  type StatusUpdateLike
} from './status-on.js'
export { countByStatus, totals, type StatusCounts, type Totals } from './totals.js'
export { recommendationSummaries, type RecommendationSummary } from './summaries.js'
