import { createHash } from 'node:crypto'
import { computeProgress, RegisterSchema } from '@followthrough/core'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { fixtureAsOf, fixtureMinutes, fixtureRegister, fixtureReport } from '../test/fixture.js'
import { relativeHref, renderReport, safeHref } from './index.js'

function parse(html: string): Document {
  return parseHTML(html).document
}

const html = renderReport({ reports: [fixtureReport()] })
const doc = parse(html)

describe('links', () => {
  it('percent-encodes each path segment of a minutes file', () => {
    expect(relativeHref('minutes/2024-01-17 board #2?.md')).toBe('minutes/2024-01-17%20board%20%232%3F.md')
    expect(relativeHref('../minutes/a.md')).toBe('../minutes/a.md')
    expect(relativeHref('javascript:alert(1)')).toBe('javascript%3Aalert(1)')
  })

  it('keeps relative and http(s)/file/mailto links and drops other schemes', () => {
    expect(safeHref('minutes/a.md')).toBe('minutes/a.md')
    expect(safeHref('https://example.org/minutes/a')).toBe('https://example.org/minutes/a')
    expect(safeHref('JavaScript:alert(1)')).toBeUndefined()
    expect(safeHref('java\nscript:alert(1)')).toBeUndefined()
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeUndefined()
  })
})

describe('renderReport', () => {
  it('writes one self-contained document with a strict Content-Security-Policy', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
    expect(html.match(/<html/g)).toHaveLength(1)
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? ''
    expect(csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/]+=*'; img-src data:/)
    // The hash in the policy is the hash of the one inline script, so the browser runs it and nothing else.
    const scripts = doc.querySelectorAll('script')
    expect(scripts).toHaveLength(1)
    const script = scripts[0]?.textContent ?? ''
    const hash = createHash('sha256').update(script, 'utf8').digest('base64')
    expect(csp).toContain(`'sha256-${hash}'`)
  })

  it('refers to no remote resource', () => {
    expect(html).not.toMatch(/\b(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i)
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i)
    expect(html).not.toMatch(/@import/i)
    expect(doc.querySelectorAll('link[rel=stylesheet], img, iframe, object, embed, video, audio, source')).toHaveLength(0)
    expect(doc.querySelectorAll('script[src]')).toHaveLength(0)
  })

  it('has a print style sheet and a phone layout', () => {
    expect(html).toContain('@media print')
    expect(html).toMatch(/@media print \{[^]*details\.rec::details-content/)
    expect(html).toContain('@media (max-width: 40rem)')
    expect(doc.querySelector('meta[name=viewport]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1')
  })

  it('draws three charts as inline SVG, each an image named by its figure caption with a data table', () => {
    const svgs = [...doc.querySelectorAll('figure svg')]
    expect(svgs).toHaveLength(3)
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img')
      const figure = svg.closest('figure')
      const caption = figure?.querySelector('figcaption')
      expect(caption).not.toBeNull()
      expect(svg.getAttribute('aria-labelledby')).toBe(caption?.getAttribute('id'))
      expect(doc.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent.length ?? 0).toBeGreaterThan(20)
      expect(figure?.querySelector('details.data table')).not.toBeNull()
    }
    const captions = svgs.map((svg) => svg.closest('figure')?.querySelector('figcaption')?.firstChild?.textContent)
    expect(captions).toEqual(['Status by owner', 'Burn-up of implemented recommendations', 'Days since each recommendation was last discussed'])
  })

  it('stacks status by owner with the counts written on the bars', () => {
    const svg = doc.querySelector('#r1-by-owner svg')
    const titles = [...(svg?.querySelectorAll('title') ?? [])].map((title) => title.textContent)
    expect(titles).toContain('Example Borough Council: 4 implemented')
    expect(titles).toContain('Office of the Police and Crime Commissioner: 1 blocked')
    const table = doc.querySelector('#r1-by-owner details.data table')
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(4)
  })

  it('draws the forecast as a dashed line only when there is a forecast date', () => {
    expect(doc.querySelector('#r1-burn-up svg [stroke-dasharray]')).not.toBeNull()
    expect(doc.querySelector('#r1-burn-up figcaption')?.textContent).toContain('would all be implemented by 2025-07-26')
    // Nothing implemented in the 180 days before 2023-11-30, so no forecast date.
    const stalled = computeProgress({ register: fixtureRegister, minutes: fixtureMinutes, asOf: '2023-11-30', forecastWindowDays: 30 })
    expect(stalled.forecast.date).toBeNull()
    const other = parse(renderReport({ reports: [{ register: fixtureRegister, progress: stalled }] }))
    expect(other.querySelector('#r1-burn-up svg')).not.toBeNull()
    expect(other.querySelector('#r1-burn-up svg [stroke-dasharray]')).toBeNull()
    expect(other.querySelector('#r1-burn-up figcaption')?.textContent).toContain('No forecast')
  })

  it('writes a headline with implemented of total, by status, overdue, due soon and never discussed', () => {
    const cards = new Map([...doc.querySelectorAll('.card')].map((card) => [card.querySelector('dt')?.textContent, card.querySelector('dd')?.textContent]))
    expect(cards.get('Implemented')).toMatch(/^7 of 11/)
    expect(cards.get('Overdue')).toMatch(/^0/)
    expect(cards.get('Due soon')).toMatch(/^1.*R6$/)
    expect(cards.get('Never discussed')).toMatch(/^1.*R9$/)
    expect(cards.get('Forecast')).toMatch(/^2025-07-26/)
    expect([...doc.querySelectorAll('ul.by-status li')].map((item) => item.textContent)).toEqual([
      'Not started: 1',
      'In progress: 1',
      'Ready for assessment: 1',
      'Implemented: 7',
      'Blocked: 1',
      'Rejected: 0',
      'Superseded: 1'
    ])
  })

  it('lists every recommendation in a sortable, filterable table', () => {
    const rows = [...doc.querySelectorAll('table.recs tbody tr')]
    expect(rows).toHaveLength(12)
    const r6 = rows[5]
    expect(r6?.getAttribute('data-owner')).toBe('health council')
    expect(r6?.getAttribute('data-status')).toBe('ready-for-assessment')
    expect([...(r6?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent.trim())).toEqual([
      'R6',
      'Share health information with the safeguarding hub',
      'Example NHS Trust; Example Borough Council',
      'Ready for assessment',
      '2024-08-31 due in 31 days',
      '2024-07-17'
    ])
    expect(rows[8]?.querySelector('td:last-child')?.textContent).toBe('never')
    // Ids sort naturally: R2 before R10.
    expect(rows[1]?.querySelector('td')?.getAttribute('data-sort')).toBe('R00000002')
    expect(doc.querySelectorAll('table.recs thead button[data-sort-column]')).toHaveLength(6)
    const owners = [...doc.querySelectorAll('select[data-filter=owner] option')].map((option) => option.getAttribute('value'))
    expect(owners).toEqual(['', 'council', 'police', 'pcc', 'health'])
    const statuses = [...doc.querySelectorAll('select[data-filter=status] option')].map((option) => option.getAttribute('value'))
    expect(statuses).toEqual(['', 'not-started', 'in-progress', 'ready-for-assessment', 'implemented', 'blocked', 'superseded'])
  })

  it('draws the coverage matrix as a shaded table linking to the minutes', () => {
    const table = doc.querySelector('table.coverage')
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(12)
    const links = [...(table?.querySelectorAll('thead a') ?? [])].map((link) => link.getAttribute('href'))
    expect(links).toHaveLength(8)
    expect(links[0]).toBe('minutes/2022-10-12-accountability.md')
    const r7 = [...(table?.querySelectorAll('tbody tr') ?? [])][6]
    expect(r7?.querySelector('.heat-4')?.textContent).toBe('5')
    expect(r7?.querySelector('td:last-child')?.textContent).toBe('7')
  })

  it('links the minutes with minutesLink and drops unsafe links', () => {
    const custom = renderReport({ reports: [fixtureReport()], minutesLink: (source) => `https://example.org/repo/blob/main/${source}` })
    expect(parse(custom).querySelector('table.coverage thead a')?.getAttribute('href')).toBe('https://example.org/repo/blob/main/minutes/2022-10-12-accountability.md')
    const unsafe = renderReport({ reports: [fixtureReport()], minutesLink: () => 'javascript:alert(1)' })
    expect(unsafe).not.toContain('javascript:')
    expect(parse(unsafe).querySelectorAll('table.coverage thead a')).toHaveLength(0)
  })

  it('gives each recommendation a section with its status history and the minutes that discuss it', () => {
    const sections = doc.querySelectorAll('details.rec')
    expect(sections).toHaveLength(12)
    const r3 = doc.getElementById('r1-rec-R3')
    expect(r3?.tagName.toLowerCase()).toBe('details')
    const history = [...(r3?.querySelectorAll('table tbody tr') ?? [])].map((row) => [...row.querySelectorAll('td')].slice(0, 3).map((cell) => cell.textContent))
    expect(history).toEqual([
      ['2022-10-12', 'In progress', 'Minutes'],
      ['2023-10-18', 'Ready for assessment', 'Minutes'],
      ['2024-01-17', 'Implemented', 'Minutes']
    ])
    expect([...(r3?.querySelectorAll('ul li') ?? [])].map((item) => item.textContent)).toEqual([
      '2022-10-12 Accountability meeting (1 reference)',
      '2023-01-18 Accountability meeting (1 reference)',
      '2023-04-17 Accountability meeting (3 references)',
      '2023-10-18 Accountability meeting (1 reference)',
      '2024-01-17 Accountability meeting (1 reference)'
    ])
    const r1 = doc.getElementById('r1-rec-R1')
    expect(r1?.querySelector('table tbody tr td:nth-child(4)')?.textContent).toBe('Council action plan, October 2022')
    expect(r1?.querySelector('blockquote')?.textContent).toContain('cabinet member')
  })

  it('uses one heading hierarchy: h1, then h2 sections and h3 below them', () => {
    const levels = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName.slice(1)))
    expect(levels[0]).toBe(1)
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    for (let index = 1; index < levels.length; index++) expect((levels[index] ?? 0) - (levels[index - 1] ?? 0)).toBeLessThanOrEqual(1)
  })

  it('gives every id once, also across several registers', () => {
    const second = RegisterSchema.parse({ ...fixtureRegister, inquiry: { ...fixtureRegister.inquiry, id: 'other', title: 'Another inspection' } })
    const both = renderReport({
      reports: [fixtureReport(), { register: second, progress: computeProgress({ register: second, asOf: fixtureAsOf }) }],
      title: 'Two registers'
    })
    const ids = [...both.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1])
    expect(ids.length).toBeGreaterThan(50)
    expect(new Set(ids).size).toBe(ids.length)
    const parsed = parse(both)
    expect(parsed.querySelectorAll('nav.registers a')).toHaveLength(2)
    expect(parsed.querySelectorAll('h2.register-title')).toHaveLength(2)
    expect(parsed.querySelector('h1')?.textContent).toBe('Two registers')
    // The second register has no minutes: no burn-up line, an empty coverage.
    expect(parsed.querySelector('#r2-burn-up svg')).toBeNull()
    expect(parsed.querySelector('#r2-burn-up figcaption')?.textContent).toContain('No meetings yet')
  })

  it('is deterministic and shows generatedAt only when given', () => {
    expect(renderReport({ reports: [fixtureReport()] })).toBe(html)
    expect(html).not.toContain('Generated')
    const stamped = renderReport({ reports: [fixtureReport()], generatedAt: '2024-08-01T09:00:00Z' })
    expect(stamped).toContain('Generated 2024-08-01T09:00:00Z.')
  })

  it('escapes user data everywhere, so a title like <script> never runs', () => {
    const evil = '<script>alert(1)</script>'
    const register = RegisterSchema.parse({
      inquiry: { id: 'evil', title: `Inquiry ${evil}`, published: '2022-01-01', url: 'javascript:alert(1)' },
      owners: [{ id: 'o', name: `<img src=x onerror="alert(1)"> & Co` }],
      recommendations: [
        {
          id: 'R1',
          title: `"><svg onload=alert(1)> ${evil}`,
          text: '</blockquote><script>alert(2)</script>',
          owners: ['o'],
          themes: ['<b>bold</b>'],
          due: '2022-06-01',
          history: [{ date: '2022-02-01', status: 'in-progress', source: `<iframe src="https://evil.example">`, note: `'; alert(3); '` }]
        }
      ]
    })
    const minutes = [
      {
        source: 'minutes/<script>.md',
        date: '2022-03-01',
        title: `Meeting ${evil}`,
        references: [{ id: 'R1' }],
        updates: [{ id: 'R1', status: 'blocked' as const, date: '2022-03-01', source: 'minutes/<script>.md', note: evil }]
      }
    ]
    const progress = computeProgress({ register, minutes, asOf: '2022-12-31' })
    const output = renderReport({ reports: [{ register, progress, minutes }], title: `Report ${evil}` })
    const parsed = parse(output)
    expect(parsed.querySelectorAll('script')).toHaveLength(1)
    expect(parsed.querySelectorAll('img, iframe, b, svg:not(figure svg)')).toHaveLength(0)
    expect(parsed.querySelectorAll('[onload], [onerror]')).toHaveLength(0)
    // Outside quoted attribute values no markup from user data is left; inside them `<`
    // is plain text to the HTML parser (only `"` and `&` end or start anything there, and both are escaped).
    expect(output.replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert')
    expect(parsed.querySelector('table.coverage tbody td')?.getAttribute('title')).toBe(`R1, 2022-03-01 Meeting ${evil}: 1 reference`)
    expect(parsed.querySelector('table.recs tbody td:nth-child(2)')?.getAttribute('data-sort')).toBe(`"><svg onload=alert(1)> ${evil}`)
    expect(output).not.toContain('javascript:')
    expect(parsed.querySelector('title')?.textContent).toBe(`Report ${evil}`)
    expect(parsed.querySelector('h1')?.textContent).toBe(`Report ${evil}`)
    expect(parsed.querySelector('table.recs tbody td:nth-child(2)')?.textContent).toBe(`"><svg onload=alert(1)> ${evil}`)
    // Text inside the charts is escaped by the DOM Plot draws in.
    const titles = [...parsed.querySelectorAll('#r1-by-owner svg title')].map((title) => title.textContent)
    expect(titles).toEqual(['<img src=x onerror="alert(1)"> & Co: 1 blocked'])
    expect(parsed.querySelector('table.coverage thead a')?.getAttribute('href')).toBe('minutes/%3Cscript%3E.md')
  })
})

describe('the accountability sections', () => {
  it('are left out for a register that records no response, assurance or moved due date, and without actions', () => {
    for (const name of ['responses', 'assurance', 'slippage']) expect(doc.getElementById(`r1-${name}`), name).toBeNull()
    expect(doc.querySelector('section.actions')).toBeNull()
    expect(doc.querySelectorAll('main > section')).toHaveLength(1)
  })

  it('are there, in order, each with a heading, when the register records them', async () => {
    const { accountabilityActions, accountabilityReport } = await import('../test/fixture.js')
    const page = parse(renderReport({ reports: [accountabilityReport()], actions: accountabilityActions }))
    const headings = [...page.querySelectorAll('main h2')].map((heading) => heading.textContent)
    expect(headings).toEqual([
      'Summary',
      'Responses',
      'Status by assurance',
      'Charts',
      'Due dates that moved',
      'Coverage: which meetings discussed which recommendation',
      'Every recommendation',
      'Each recommendation',
      'Open actions'
    ])
    // Plot's mark groups carry no name inside the image (aria-prohibited-attr).
    expect(page.querySelectorAll('svg g[aria-label]')).toHaveLength(0)
    expect(page.querySelector('#r1-slippage svg')?.getAttribute('aria-describedby')).toBe('r1-slippage-description')
    // The table and each recommendation's facts give the current due date.
    expect(page.querySelector('tr[data-owner="council police"] td[data-label="Due"]')?.textContent).toBe('2024-12-31')
    const facts = [...(page.querySelector('#r1-rec-R2 dl')?.children ?? [])].map((node) => node.textContent)
    expect(facts.slice(facts.indexOf('Due'), facts.indexOf('Due') + 2)).toEqual(['Due', '2024-12-31 (moved twice from 2024-03-31)'])
  })

  it('say in one line when no action is open and no claim lacks verification', async () => {
    const { accountabilityActions, accountabilityRegister, accountabilityMinutes } = await import('../test/fixture.js')
    // On 2024-05-15 R1's verified claim is in; R2's claim and R3's evidence are not yet.
    const progress = computeProgress({ register: accountabilityRegister, minutes: accountabilityMinutes, asOf: '2024-05-15' })
    const page = parse(
      renderReport({
        reports: [{ register: accountabilityRegister, progress, minutes: accountabilityMinutes }],
        actions: accountabilityActions.map((action) => ({ ...action, done: true }))
      })
    )
    expect(page.querySelector('#r1-assurance-gap')?.textContent).toBe('Assurance gap by owner (0)')
    expect(page.querySelector('#r1-assurance-gap ~ p:last-child')?.textContent).toBe(
      'No assurance gap: every recommendation implemented or ready for assessment has a verified claim.'
    )
    expect(page.querySelector('section.actions p')?.textContent).toBe('No open actions.')
  })
})
