import type { Status } from '@followthrough/core'

/** How each status reads in the report (core's labels, shared with the editor). */
export { statusLabels } from '@followthrough/core'

/**
 * One colour per status, each at least 4.5:1 against white (so white text on
 * it and it on white both pass WCAG AA) and told apart by hue and lightness.
 * Colour is never the only cue: every chip and chart also says the status in
 * words (labels, tooltips, data tables).
 */
export const statusColors: Readonly<Record<Status, string>> = {
  'not-started': '#5b6472',
  'in-progress': '#1d4ed8',
  'ready-for-assessment': '#7c3aed',
  implemented: '#15803d',
  blocked: '#b91c1c',
  rejected: '#9d174d',
  superseded: '#8a5a00'
}
