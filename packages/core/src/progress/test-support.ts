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

/** Assurance counts with every level at zero. */
export const assuranceZeros = { claimed: 0, evidenced: 0, verified: 0, 'not-recorded': 0 }

/** `byStatus` of the assurance figures with every count at zero. */
export const assuranceByStatusZeros = {
  'not-started': assuranceZeros,
  'in-progress': assuranceZeros,
  'ready-for-assessment': assuranceZeros,
  implemented: assuranceZeros,
  blocked: assuranceZeros,
  rejected: assuranceZeros,
  superseded: assuranceZeros
}
