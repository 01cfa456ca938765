import type { Workspace } from '@followthrough/engine'

/**
 * What analysis of minutes reads of the registers and config (ids, schemes,
 * supersession, statuses and their history, prefix, keywords, rule
 * severities, reference style), as a string: while it stays the same, every
 * analysis stays valid, so editing a register's titles or owners re-checks no
 * file.
 */
export function analysisSignature(workspace: Workspace): string {
  const { prefix, keywords, rules } = workspace.config.config
  const registers = workspace.context.registers.map((register) => [
    register.inquiry.id,
    register.schemes ?? null,
    register.recommendations.map((recommendation) => [
      recommendation.id,
      recommendation.supersededBy ?? null,
      recommendation.status ?? null,
      (recommendation.history ?? []).map((event) => [event.date, event.status])
    ])
  ])
  return JSON.stringify([prefix, keywords, rules, workspace.config.config.referenceStyle ?? null, registers])
}
