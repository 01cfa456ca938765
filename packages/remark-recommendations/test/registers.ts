import type { Recommendation, Register } from '@followthrough/core'

function recommendation(number: number, extra: Partial<Recommendation> = {}): Recommendation {
  return { id: `R${number}`, title: `Recommendation ${number}`, owners: ['police'], ...extra }
}

/** A register shaped like the Telford inquiry's: R1 to R47, R45 superseded by R46, R44 closed as superseded. */
export const iitcse: Register = {
  inquiry: { id: 'iitcse', title: 'Independent Inquiry into Telford Child Sexual Exploitation', published: '2022-07-12' },
  owners: [{ id: 'police', name: 'West Mercia Police' }],
  recommendations: Array.from({ length: 47 }, (_, index) => {
    const number = index + 1
    if (number === 45) return recommendation(45, { supersededBy: 'R46' })
    if (number === 44) return recommendation(44, { status: 'in-progress', history: [{ date: '2023-01-01', status: 'superseded' }] })
    if (number === 12) return recommendation(12)
    return recommendation(number)
  }).concat([recommendation(12, { id: 'R12a' })])
}

/** A second, smaller register, for ambiguity. */
export const hmicfrs: Register = {
  inquiry: { id: 'hmicfrs-2023', title: 'HMICFRS inspection 2023', published: '2023-03-01' },
  owners: [{ id: 'police', name: 'West Mercia Police' }],
  recommendations: Array.from({ length: 10 }, (_, index) => recommendation(index + 1))
}

/** Front matter that validates. */
export function frontMatter(extra = ''): string {
  return `---\nmeeting: accountability\ndate: 2023-04-17\ntitle: Accountability meeting\nchair: PCC\nattendees: [PCC, Chief Constable]\n${extra}---\n\n`
}

/** Two kinds of item, as an inspection report has: recommendations and areas for improvement. */
export const inspectionSchemes = [
  { prefix: 'R', keywords: ['Recommendation', 'Recommendations', 'Rec', 'Rec.', 'Recs'] },
  { prefix: 'AFI', keywords: ['Area for improvement', 'Areas for improvement', 'AFI'] }
]

/** An inspection's register: R1–R6 with chapter 4 dotted (R4.1–R4.3) and R6a, and AFI1–AFI5. */
export const inspection: Register = {
  inquiry: { id: 'nci24', title: 'Custody inspection 2024', published: '2024-05-01' },
  schemes: inspectionSchemes,
  owners: [{ id: 'police', name: 'West Mercia Police' }],
  recommendations: ['R1', 'R2', 'R3', 'R4', 'R4.1', 'R4.2', 'R4.3', 'R5', 'R6', 'R6a', 'AFI1', 'AFI2', 'AFI3', 'AFI4', 'AFI5'].map((id) => ({
    id,
    title: `Item ${id}`,
    owners: ['police']
  }))
}
