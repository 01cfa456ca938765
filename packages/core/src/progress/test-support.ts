/**
 * Shared by the progress tests (not exported from the package): counts with
 * every status at zero, written out so expectations stay hand-readable.
 */
export const zeros = {
  'not-started': 0,
  'in-progress': 0,
  'ready-for-assessment': 0,
  implemented: 0,
  blocked: 0,
  rejected: 0,
  superseded: 0
}
