import type { DueSoonItem, OverdueItem, Progress } from '@followthrough/core'
import { relativePath, workspaceProgress, type MinutesAnalysis, type Workspace } from '@followthrough/engine'
import { UsageError } from './io.js'

/**
 * Progress as `progress --format json` prints it: core's figures, with
 * `overdue` and `dueSoon` as lists of ids (details in `overdueItems` and
 * `dueSoonItems`) and minutes paths relative to the working folder.
 */
export interface ProgressReport extends Omit<Progress, 'overdue' | 'dueSoon'> {
  overdue: string[]
  dueSoon: string[]
  overdueItems: OverdueItem[]
  dueSoonItems: DueSoonItem[]
}

/** Progress of the workspace's registers (or the one named) as of a date. */
export function computeWorkspaceProgress(workspace: Workspace, analyses: readonly MinutesAnalysis[], asOf: string, register: string | undefined, cwd: string): ProgressReport[] {
  let all = workspaceProgress(workspace, analyses, asOf)
  if (register !== undefined) {
    all = all.filter((progress) => progress.register.id === register)
    if (all.length === 0) {
      const known = workspace.context.registers.map((entry) => entry.inquiry.id).join(', ')
      throw new UsageError(`Unexpected register "${register}", expected one of ${known}`)
    }
  }
  return all.map((progress) => {
    const { overdue, dueSoon, ...rest } = progress
    const relative = (source: string) => relativePath(cwd, source)
    return {
      ...rest,
      overdue: overdue.map((item) => item.id),
      dueSoon: dueSoon.map((item) => item.id),
      overdueItems: overdue,
      dueSoonItems: dueSoon,
      staleness: rest.staleness.map((entry) => (entry.lastDiscussedIn !== undefined ? { ...entry, lastDiscussedIn: relative(entry.lastDiscussedIn) } : entry)),
      coverage: { ...rest.coverage, meetings: rest.coverage.meetings.map((meeting) => ({ ...meeting, source: relative(meeting.source) })) }
    }
  })
}
