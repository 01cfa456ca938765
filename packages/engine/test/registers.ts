/**
 * The register the engine's tests read: the Telford inquiry with one owner,
 * and the recommendations a test needs (YAML list items, indented by two).
 */
export function telfordRegister(recommendations: string): string {
  return `inquiry:
  id: iitcse
  title: Telford inquiry
  published: 2022-07-12
owners:
  - id: council
    name: Telford & Wrekin Council
recommendations:
${recommendations}
`
}

/** Recommendation `R<n>` as a register lists it, titled "Recommendation n", owned by the council. */
export function numberedRecommendation(n: number, extra = ''): string {
  return `  - id: R${n}\n    title: Recommendation ${n}\n    owners: [council]${extra}`
}

/** One recommendation, R1, "Publish a partnership report". */
export const oneRecommendationRegister = telfordRegister(`  - id: R1
    title: Publish a partnership report
    owners: [council]`)
