import { micromark } from 'micromark'
import { describe, expect, it } from 'vitest'
import { documentOf, fileText, markdown, minutes, positionOf, root as telford, serviceOver, telfordFiles } from '../test/helpers.js'

// A register with the accountability cycle in its history (hand-written; today is 2024-11-28):
// - R1: accepted; implemented 2024-08-01, evidenced by the force with two pieces of evidence
//   (a web page and a file beside the register); due 2024-06-30, moved twice (2024-05-01 to
//   2024-09-30 "supplier delay", 2024-10-01 to 2025-03-31 "contract re-tendered"): +274 days.
// - R2: no response, responseDays 56 from 2024-03-01 (due 2024-04-26): overdue; implemented
//   with no assurance recorded (assurance gap); due moved once without a reason (2024-07-01 → 2024-07-11).
// - R3: verified by internal audit; a link with a command: scheme is shown as its title only.
// - R4: superseded: out of the assurance groups.
const register = `inquiry:
  id: nci24
  title: Custody inspection
  published: 2024-03-01
  responseDays: 56
owners:
  - id: force
    name: The force
recommendations:
  - id: R1
    title: Cells
    owners: [force]
    due: 2024-06-30
    response: { decision: accepted, date: 2024-04-10, note: in full }
    history:
      - { date: 2024-05-01, due: 2024-09-30, reason: supplier delay }
      - { date: 2024-10-01, due: 2025-03-31, reason: contract re-tendered }
      - date: 2024-08-01
        status: implemented
        assurance: evidenced
        by: force
        evidence:
          - { title: Cell inspection report, href: "https://example.org/cells report" }
          - { title: Work orders, href: evidence/work orders.pdf#page=2, date: 2024-07-30 }
  - id: R2
    title: Detention reviews
    owners: [force]
    due: 2024-07-01
    history:
      - { date: 2024-06-01, due: 2024-07-11 }
      - { date: 2024-09-01, status: implemented }
  - id: R3
    title: Food
    owners: [force]
    history:
      - date: 2024-09-01
        status: ready-for-assessment
        assurance: verified
        by: Internal audit
        evidence: [{ title: Audit, href: "command:workbench.action.openSettings" }]
  - id: R4
    title: Old
    owners: [force]
    history: [{ date: 2024-06-01, status: superseded }]
`
const root = telford
const files = {
  [`${root}/recommendations.yaml`]: register,
  [`${root}/minutes/2024-11-01-accountability.md`]: minutes('2024-11-01', 'We discussed R1, R2 and Recommendation 3.')
}
const path = `${root}/minutes/2024-11-01-accountability.md`

async function hoverOn(needle: string): Promise<string> {
  const { service } = await serviceOver(files)
  const document = documentOf(path, fileText(files, path))
  return markdown(await service.getHover(document, positionOf(document, needle, 1)))
}

describe('the accountability cycle in the editor', () => {
  it('hovers the response, the assurance with evidence links and by, and the due date with its history', async () => {
    const lines = (await hoverOn('R1')).split('\n')
    expect(lines).toEqual([
      '**R1** · Cells',
      '',
      '- **Owner:** The force',
      '- **Response:** accepted on 2024-04-10 (in full)',
      '- **Status:** implemented since 2024-08-01 (as of 2024-11-28)',
      '- **Assurance:** evidenced by The force: [Cell inspection report](<https://example.org/cells%20report>), [Work orders](<file:///telford/evidence/work%20orders.pdf#page=2>) (2024-07-30) — not verified',
      '- **Due:** 2025-03-31, moved twice from 2024-06-30: supplier delay; contract re-tendered',
      '- **Last discussed:** 2024-11-01 in [2024-11-01-accountability.md](file:///telford/minutes/2024-11-01-accountability.md) (27 days ago, 0 meetings since)'
    ])
    // The links render as links.
    const html = micromark(lines.join('\n'), { allowDangerousProtocol: true })
    expect(html).toContain('<a href="https://example.org/cells%20report">Cell inspection report</a>')
    expect(html).toContain('<a href="file:///telford/evidence/work%20orders.pdf#page=2">Work orders</a>')
  })

  it('says an overdue response, an unrecorded assurance on a done status, and a move without a reason', async () => {
    const value = await hoverOn('R2')
    expect(value).toContain('- **Response:** none yet — **overdue** (56 days from publication on 2024-03-01)')
    expect(value).toContain('- **Assurance:** not recorded\n')
    // Moved 2024-07-01 → 2024-07-11 and closed since: not overdue.
    expect(value).toContain('- **Due:** 2024-07-11, moved once from 2024-07-01: *no reason given*\n')
  })

  it('never makes a link of another scheme, and names who verified', async () => {
    const value = await hoverOn('Recommendation 3')
    expect(value).toContain('- **Assurance:** verified by Internal audit: Audit\n')
    expect(value).not.toContain('command:')
  })

  it('shows assurance and slippage in the code lenses, the tree and the assurance groups', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(`${root}/recommendations.yaml`, register)
    const lenses = await service.getCodeLenses(document)
    expect(lenses.map((lens) => lens.command?.title)).toEqual([
      'Implemented since 2024-08-01 · evidenced · due 2025-03-31, moved 2× (+274 days) · discussed once, last on 2024-11-01',
      'Implemented since 2024-09-01 · due 2024-07-11, moved 1× (+10 days) · discussed once, last on 2024-11-01',
      'Ready for assessment since 2024-09-01 · verified · discussed once, last on 2024-11-01',
      'Superseded since 2024-06-01 · never discussed'
    ])
    const result = await service.getRecommendations()
    const [view] = result.registers
    expect(view?.groups.assurance).toEqual([
      { key: 'assurance:evidenced', label: 'Evidenced', assurance: 'evidenced', ids: ['R1'] },
      { key: 'assurance:verified', label: 'Verified', assurance: 'verified', ids: ['R3'] },
      { key: 'assurance:', label: 'Not recorded', ids: ['R2'] }
    ])
    const r1 = view?.recommendations.find((entry) => entry.id === 'R1')
    expect(r1).toMatchObject({ due: '2025-03-31', assurance: 'evidenced', slipped: { revisions: 2, days: 274 } })
    expect(r1?.tooltip).toContain('Assurance: evidenced  \nDue: 2025-03-31, moved 2× (+274 days)')
  })

  it('on the Telford example: R40 blocked with evidence, its due date moved twice with reasons', async () => {
    const example = telfordFiles()
    const { service } = await serviceOver(example)
    const partnership = `${telford}/minutes/2024-06-19-partnership.md`
    const document = documentOf(partnership, fileText(example, partnership))
    const value = markdown(await service.getHover(document, positionOf(document, '| R40 |', 3)))
    expect(value).toContain('- **Response:** accepted-in-principle on 2022-10-20 (Needs a national system)')
    expect(value).toContain('- **Status:** blocked since 2024-03-20 (as of 2024-11-28)')
    expect(value).toContain(
      '- **Assurance:** evidenced by NHS Shropshire, Telford and Wrekin: [NHS England letter on sharing sexual health records](<https://example.org/telford/nhs-england-letter-2024-09.pdf>) (2024-09-12)\n'
    )
    // 2025-03-31 → 2025-09-30 (2024-06-19) → 2026-03-31 (2024-09-30).
    expect(value).toContain('- **Due:** 2026-03-31, moved twice from 2025-03-31: national information-sharing system delayed; NHS England pilot extended to 2025\n')
  })
})
