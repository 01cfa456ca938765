import {
  assuranceLabels,
  assurances,
  compareIds,
  recommendationSummaries,
  statuses,
  statusLabels,
  type ActionItem,
  type MinutesRecord,
  type Progress,
  type Register
} from '@followthrough/core'
import { basename, minutesActions, minutesRecords, relativePath, type MinutesAnalysis } from '@followthrough/engine'
import type { DiscussionView, FolderView, GroupView, ProgressSummary, RecommendationView, RegisterView } from './custom-protocol.js'
import type { FolderIndex } from './folder-index.js'
import type { RegisterEntry } from './last-good.js'
import { sourceRange } from './targets.js'
import { spanRange } from './text.js'
import { codeLensTitle, statusBarText, statusBarTooltip, treeDescription, treeTooltip, type RecommendationFacts } from './view-text.js'

/**
 * What an editor's views show (a tree of recommendations, a status bar, code
 * lenses, a progress page), computed from the folder's index: the registers
 * the minutes are checked against (the last valid version while a register
 * has errors, as the diagnostics say) and the progress of each. So the views
 * always agree with the diagnostics.
 */

/** A register with a valid version. */
export type LoadedRegister = RegisterEntry & { register: Register }

/** A register, its progress today, and what each of its recommendations shows. */
export interface RegisterState {
  folder: FolderIndex
  entry: LoadedRegister
  progress: Progress
  facts: Map<string, RecommendationFacts>
}

/** The registers of a folder that have a valid version (possibly the last one), in config order. */
export function loadedRegisters(folder: FolderIndex): LoadedRegister[] {
  return folder.registers.filter((entry): entry is LoadedRegister => entry.register !== undefined)
}

/** A register's state as of `today`, or `undefined` when its progress cannot be computed. */
export function registerState(folder: FolderIndex, entry: LoadedRegister, today: string): RegisterState | undefined {
  const progress = folder.progress(today).find((candidate) => candidate.register.id === entry.register.inquiry.id)
  if (!progress) return undefined
  return { folder, entry, progress, facts: recommendationFacts(entry.register, progress, folder.records()) }
}

/** Every register state of a folder. */
export function registerStates(folder: FolderIndex, today: string): RegisterState[] {
  return loadedRegisters(folder).flatMap((entry) => registerState(folder, entry, today) ?? [])
}

/**
 * The facts views show, from core's summaries (the same figures the agent
 * interface and the spreadsheet give): with the minutes, the assurance of the
 * current status and the current due date; how it slipped is core's slippage.
 */
function recommendationFacts(register: Register, progress: Progress, minutes: readonly MinutesRecord[]): Map<string, RecommendationFacts> {
  const slipped = new Map(progress.slippage.items.map((item) => [item.id, item]))
  return new Map(
    recommendationSummaries(register, progress, minutes).map((summary) => {
      const facts: RecommendationFacts = { ...summary, due: summary.currentDue ?? summary.due }
      const item = slipped.get(summary.id)
      if (item) facts.slipped = { revisions: item.revisions, days: item.days }
      return [summary.id, facts]
    })
  )
}

/** The register a file is about: a register is its own; minutes have their front matter's, else the folder's first. */
export function registerOfFile(folder: FolderIndex, path: string): LoadedRegister | undefined {
  const registers = loadedRegisters(folder)
  const own = registers.find((entry) => entry.path === path)
  if (own) return own
  const named = (folder.minutes.get(path)?.analysis ?? folder.document(path)?.analysis)?.data.register
  return (named !== undefined ? registers.find((entry) => entry.register.inquiry.id === named) : undefined) ?? registers[0]
}

/** A register's headline figures. */
export function progressSummary(state: RegisterState): ProgressSummary {
  const { progress } = state
  return {
    asOf: progress.asOf,
    implemented: progress.implemented,
    total: progress.total,
    overdue: progress.overdue.length,
    text: statusBarText(progress, state.folder.workspace?.config.config.prefix ?? 'R'),
    tooltip: statusBarTooltip(progress),
    byStatus: statuses.filter((status) => progress.byStatus[status] > 0).map((status) => ({ status, label: statusLabels[status], count: progress.byStatus[status] }))
  }
}

/** The register as a tree shows it. */
export function registerView(state: RegisterState, uriOf: (path: string) => string): RegisterView {
  const { entry, facts } = state
  const register = entry.register
  const located = new Map(entry.locations.recommendations.map((location) => [location.id, location]))
  // The facts are in the register's order, one per recommendation.
  const recommendations: RecommendationView[] = [...facts.values()].map((fact) => {
    const location = located.get(fact.id)
    return {
      id: fact.id,
      title: fact.title,
      status: fact.status,
      statusLabel: statusLabels[fact.status],
      since: fact.since,
      due: fact.due,
      overdue: fact.overdue,
      daysOverdue: fact.daysOverdue,
      assurance: fact.assurance,
      slipped: fact.slipped,
      owners: fact.ownerNames,
      discussedTimes: fact.discussedTimes,
      lastDiscussed: fact.lastDiscussed,
      description: treeDescription(fact),
      tooltip: treeTooltip(fact),
      range: location ? sourceRange(location.idRange) : undefined
    }
  })
  return {
    uri: uriOf(entry.path),
    folder: uriOf(state.folder.root),
    id: register.inquiry.id,
    title: register.inquiry.title,
    stale: entry.stale,
    progress: progressSummary(state),
    groups: { status: byStatus(state), owner: byOwner(register), assurance: byAssurance(state) },
    recommendations
  }
}

function byStatus(state: RegisterState): GroupView[] {
  const groups: GroupView[] = []
  const all = [...state.facts.values()]
  for (const status of statuses) {
    const ids = all
      .filter((facts) => facts.status === status)
      .map((facts) => facts.id)
      .sort(compareIds)
    if (ids.length > 0) groups.push({ key: `status:${status}`, label: statusLabels[status], status, ids })
  }
  return groups
}

/**
 * By the assurance of the event that set each current status, in the order
 * claimed, evidenced, verified, then "Not recorded" (no assurance, or a
 * baseline status); empty groups left out. Superseded recommendations are left
 * out: nothing is claimed about them.
 */
function byAssurance(state: RegisterState): GroupView[] {
  const all = [...state.facts.values()].filter((facts) => facts.status !== 'superseded')
  const groups: GroupView[] = []
  for (const level of assurances) {
    const ids = all
      .filter((facts) => facts.assurance === level)
      .map((facts) => facts.id)
      .sort(compareIds)
    if (ids.length > 0) groups.push({ key: `assurance:${level}`, label: assuranceLabels[level], assurance: level, ids })
  }
  const unrecorded = all
    .filter((facts) => facts.assurance === undefined)
    .map((facts) => facts.id)
    .sort(compareIds)
  if (unrecorded.length > 0) groups.push({ key: 'assurance:', label: 'Not recorded', ids: unrecorded })
  return groups
}

function byOwner(register: Register): GroupView[] {
  const owned = new Map<string, string[]>(register.owners.map((owner) => [owner.id, []]))
  const unowned: string[] = []
  for (const recommendation of register.recommendations) {
    const owners = recommendation.owners
    if (owners.length === 0) unowned.push(recommendation.id)
    for (const owner of new Set(owners)) owned.set(owner, [...(owned.get(owner) ?? []), recommendation.id])
  }
  const names = new Map(register.owners.map((owner) => [owner.id, owner.name]))
  const groups: GroupView[] = []
  for (const [owner, ids] of owned) if (ids.length > 0) groups.push({ key: `owner:${owner}`, label: names.get(owner) ?? owner, ids: ids.sort(compareIds) })
  if (unowned.length > 0) groups.push({ key: 'owner:', label: 'No owner', ids: unowned.sort(compareIds) })
  return groups
}

/** What loaded in a folder. */
export function folderView(folder: FolderIndex, uriOf: (path: string) => string): FolderView {
  const workspace = folder.workspace
  const meetings = new Set<string>()
  for (const entry of folder.minutes.values()) {
    const kind = entry.analysis.data.meeting?.meeting
    if (kind !== undefined) meetings.add(kind)
  }
  return {
    uri: uriOf(folder.root),
    name: basename(folder.root) || folder.root,
    config: workspace?.config.path !== undefined ? uriOf(workspace.config.path) : undefined,
    configProblems: workspace?.config.findings.length ?? 0,
    minutesGlobs: [...(workspace?.config.config.minutes ?? [])],
    minutes: folder.minutes.size,
    complete: folder.complete,
    meetings: [...meetings].sort(),
    failedRegisters: folder.registers
      .filter((entry) => entry.register === undefined)
      .map((entry) => ({
        uri: uriOf(entry.path),
        message: workspace?.findings.find((finding) => finding.file === entry.path && finding.severity === 'error')?.message ?? 'does not load'
      }))
  }
}

/** The code lens title of a recommendation of a register state. */
export function lensTitle(state: RegisterState, id: string): string | undefined {
  const facts = state.facts.get(id)
  return facts ? codeLensTitle(facts) : undefined
}

/** The minutes that discuss a recommendation, newest first, each with its first mention. */
export function discussions(state: RegisterState, id: string, uriOf: (path: string) => string): DiscussionView[] {
  const { progress, folder } = state
  const row = progress.coverage.rows.find((candidate) => candidate.id === id)
  if (!row) return []
  const registerId = state.entry.register.inquiry.id
  const list: DiscussionView[] = []
  row.counts.forEach((count, index) => {
    const meeting = progress.coverage.meetings[index]
    if (count === 0 || !meeting) return
    const analysis = folder.minutes.get(meeting.source)?.analysis
    const first = analysis?.data.references.find((reference) => reference.id === id && (reference.register === undefined || reference.register === registerId))
    list.push({
      uri: uriOf(meeting.source),
      date: meeting.date,
      title: meeting.title,
      count,
      range: first ? spanRange(first.position) : undefined,
      label: `${meeting.date}${meeting.title !== undefined ? `: ${meeting.title}` : ''}`,
      description: relativePath(folder.root, meeting.source),
      detail: `${count === 1 ? 'One mention' : `${count} mentions`} of ${id}`
    })
  })
  return list.sort((a, b) => b.date.localeCompare(a.date) || a.uri.localeCompare(b.uri))
}

/** What the HTML progress report of a register needs. */
export interface ProgressReportInput {
  /** The register file's URI. */
  uri: string
  register: Register
  progress: Progress
  /** Every minutes file of the folder, as records. */
  minutes: MinutesRecord[]
  /** The folder's actions on the as-of date, as `followthrough actions` lists them ("the next meeting" resolved); `file` is relative to `root`. */
  actions: ActionItem[]
  /** The folder the actions' files are relative to. */
  root: string
}

/** The report input of a register state. */
export function progressReportInput(state: RegisterState, uriOf: (path: string) => string): ProgressReportInput {
  const analyses: MinutesAnalysis[] = state.folder.analyses()
  return {
    uri: uriOf(state.entry.path),
    register: state.entry.register,
    progress: state.progress,
    minutes: minutesRecords(analyses),
    actions: minutesActions(analyses, state.progress.asOf, { name: (path) => relativePath(state.folder.root, path) }),
    root: state.folder.root
  }
}
