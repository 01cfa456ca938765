import { assuranceGapByOwner, assuranceLabels, assurances, statuses, type Progress } from '@followthrough/core'
import type { Element } from 'hast'
import { h } from 'hastscript'
import { block, heading, joined, recLink, reportSection, statusChip, type Context } from './context.js'

/** The four columns of status by assurance. */
const levels = [...assurances, 'not-recorded'] as const

const levelLabels: Record<(typeof levels)[number], string> = { ...assuranceLabels, 'not-recorded': 'Not recorded' }

/** Whether the register records assurance at all: some status set by an event that says how far it is assured. */
export function recordsAssurance(progress: Progress): boolean {
  return statuses.some((status) => assurances.some((level) => progress.assurance.byStatus[status][level] > 0))
}

/**
 * Status by assurance: a table of each status held (rows) by how far the event
 * that set it is assured (columns), and the assurance gap (implemented or
 * ready for assessment, not verified) by owner, each id linked. Left out when
 * the register records no assurance (see {@link recordsAssurance}).
 */
export function assuranceSection(context: Context): Element | undefined {
  const { prefix, progress, register } = context
  if (!recordsAssurance(progress)) return undefined
  const rows = statuses
    .filter((status) => levels.some((level) => progress.assurance.byStatus[status][level] > 0))
    .map((status) =>
      h(
        'tr',
        h('th', { scope: 'row' }, statusChip(status)),
        levels.map((level) => h('td.num', String(progress.assurance.byStatus[status][level])))
      )
    )
  const table = h(
    'div.scroll',
    h(
      'table.assurance',
      { id: `${prefix}-assurance-table` },
      h('caption', 'Each status by the assurance of the record that set it'),
      h(
        'thead',
        h(
          'tr',
          h('th', { scope: 'col' }, 'Status'),
          levels.map((level) => h('th.num', { scope: 'col' }, levelLabels[level]))
        )
      ),
      h('tbody', rows)
    )
  )
  const gap = progress.assuranceGap
  const byOwner = assuranceGapByOwner(register, gap)
  const gapBody =
    gap.length === 0
      ? h('p', 'No assurance gap: every recommendation implemented or ready for assessment has a verified claim.')
      : block(
          'ul.gap',
          { 'data-assurance-gap': '' },
          ...[...byOwner].map(([owner, ids]) =>
            h(
              'li',
              h('strong', context.owners.get(owner) ?? owner),
              `: ${ids.length} (`,
              joined(
                ids.map((id) => recLink(context, id)),
                ', '
              ),
              ')'
            )
          )
        )
  return reportSection(context, 'assurance', 'Status by assurance', [
    h(
      'p.note',
      'Claimed: the owner says so. Evidenced: the owner has supplied evidence. Verified: checked by someone independent of the owner. Not recorded: the record does not say.'
    ),
    table,
    heading(context.level + 1, { id: `${prefix}-assurance-gap` }, `Assurance gap by owner (${gap.length})`),
    h('p.note', 'Implemented or ready for assessment, while the record that says so is not verified.'),
    gapBody
  ])
}
