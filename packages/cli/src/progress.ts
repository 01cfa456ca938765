import type { DueSoonItem, OverdueItem, Progress, Register } from '@followthrough/core'
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

/** The workspace's registers, or the one `--register` names; a usage error naming the known ids when that leaves none. */
export function selectedRegisters(workspace: Workspace, register: string | undefined): Register[] {
  const registers = workspace.context.registers
  const chosen = registers.filter((entry) => register === undefined || entry.inquiry.id === register)
  if (chosen.length === 0) throw new UsageError(`Unexpected register "${register ?? ''}", expected one of ${registers.map((entry) => entry.inquiry.id).join(', ')}`)
  return chosen
}

/** Progress of the workspace's registers (or the one named) as of a date; without registers, none (no error). */
export function computeWorkspaceProgress(workspace: Workspace, analyses: readonly MinutesAnalysis[], asOf: string, register: string | undefined, cwd: string): ProgressReport[] {
  let all = workspaceProgress(workspace, analyses, asOf)
  if (register !== undefined) {
    const ids = new Set(selectedRegisters(workspace, register).map((entry) => entry.inquiry.id))
    all = all.filter((progress) => ids.has(progress.register.id))
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
