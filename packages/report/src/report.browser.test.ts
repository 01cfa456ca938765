import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { computeProgress, RegisterSchema } from '@followthrough/core'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, ensureChromium, watchPage } from '../test/chromium.js'
import { accountabilityActions, accountabilityReport, fixtureReport } from '../test/fixture.js'
import { renderReport } from './index.js'

/**
 * The report in a real browser: Debian's headless Chromium, driven by
 * playwright-core, opens the report of the fixture workspace from disk and
 * uses it as a person would. It must load nothing from the network, log no
 * errors, and filter and sort its table.
 */

/**
 * The README's screenshot is rewritten only when asked
 * (`FOLLOWTHROUGH_UPDATE_SCREENSHOTS=1`): a test run leaves the checkout as it found it.
 */
const updateScreenshots = process.env['FOLLOWTHROUGH_UPDATE_SCREENSHOTS'] === '1'
const screenshotPath = (): string => (updateScreenshots ? fileURLToPath(new URL('../screenshots/report.png', import.meta.url)) : join(folder, 'screenshot.png'))

let browser: Browser | undefined
let folder = ''
let reportUrl = ''
let evilUrl = ''
let accountabilityUrl = ''
/** Each example's report, by its folder's name. */
const exampleUrls = new Map<string, string>()

const examplesFolder = fileURLToPath(new URL('../../../examples/', import.meta.url))
/** The CLI's bin, as `npm run demo` runs it (turbo builds the CLI before this suite runs). */
const bin = fileURLToPath(new URL('../../cli/bin/followthrough.js', import.meta.url))
/** axe-core's browser bundle, from node_modules: nothing is downloaded. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
/** The WCAG 2.2 A and AA rules (axe tags each rule with the versions and levels it belongs to). */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** The latest meeting date in an example's minutes: its report covers every meeting, on a date that never changes. */
function latestMeeting(example: string): string {
  const dates: string[] = []
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules') visit(join(path, entry.name))
      else if (entry.name.endsWith('.md')) {
        const date = /^---\r?\n(?:.*\r?\n)*?date: *["']?(\d{4}-\d{2}-\d{2})/.exec(readFileSync(join(path, entry.name), 'utf8'))?.[1]
        if (date !== undefined) dates.push(date)
      }
    }
  }
  visit(example)
  const latest = dates.sort().at(-1)
  if (latest === undefined) throw new Error(`No dated minutes in ${example}`)
  return latest
}

/** Build an example's report with the CLI in a copy of its folder, as `npm run demo` does. */
function exampleReport(name: string): string {
  if (!existsSync(bin)) throw new Error(`The browser test runs the CLI at ${bin}: build it first (npx turbo run build --filter=@followthrough/cli)`)
  const copy = join(folder, 'examples', name)
  cpSync(join(examplesFolder, name), copy, { recursive: true })
  execFileSync(process.execPath, [bin, 'report', '--as-of', latestMeeting(copy), '--out', 'report.html'], { cwd: copy, env: { ...process.env, NO_COLOR: '1' } })
  return pathToFileURL(join(copy, 'report.html')).href
}

beforeAll(async () => {
  // Installs Chromium with apt-get when it is missing and this is root; fails (never skips) otherwise.
  const executablePath = ensureChromium()
  folder = mkdtempSync(join(tmpdir(), 'followthrough-report-'))
  const report = join(folder, 'report.html')
  writeFileSync(report, renderReport({ reports: [fixtureReport()], generatedAt: '2024-07-31T09:00:00Z' }))
  reportUrl = pathToFileURL(report).href

  const evil = '<script>window.__pwned = true</script><img src="x.png" onerror="window.__pwned = true">'
  const register = RegisterSchema.parse({
    inquiry: { id: 'evil', title: `Inquiry ${evil}`, published: '2022-01-01' },
    owners: [{ id: 'o', name: `Owner ${evil}` }],
    recommendations: [{ id: 'R1', title: `Title ${evil}`, owners: ['o'], history: [{ date: '2022-02-01', status: 'in-progress', note: evil }] }]
  })
  const minutes = [{ source: 'minutes/<img src=y.png>.md', date: '2022-03-01', title: evil, references: [{ id: 'R1' }] }]
  const evilFile = join(folder, 'evil.html')
  writeFileSync(evilFile, renderReport({ reports: [{ register, progress: computeProgress({ register, minutes, asOf: '2022-12-31' }), minutes }], title: evil }))
  evilUrl = pathToFileURL(evilFile).href

  const accountabilityFile = join(folder, 'accountability.html')
  writeFileSync(accountabilityFile, renderReport({ reports: [accountabilityReport()], actions: accountabilityActions }))
  accountabilityUrl = pathToFileURL(accountabilityFile).href

  for (const entry of readdirSync(examplesFolder, { withFileTypes: true })) {
    if (entry.isDirectory()) exampleUrls.set(entry.name, exampleReport(entry.name))
  }

  browser = await chromium.launch({ executablePath, args: chromiumArgs })
})

afterAll(async () => {
  await browser?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

interface Watched {
  page: Page
  requests: string[]
  problems: string[]
}

/** A new page that records every request, console error, page error and dialog. */
async function open(url: string): Promise<Watched> {
  if (!browser) throw new Error('The browser did not start')
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
  // Fail with Playwright's message, well before the test's hang guard, but
  // never because a loaded machine was slow (CI runs this beside other suites).
  page.setDefaultTimeout(60_000)
  const { requests, problems } = watchPage(page)
  await page.goto(url, { waitUntil: 'load' })
  return { page, requests, problems }
}

/** Only the report itself (and data: URLs) may be requested. */
function offline(watched: Watched, url: string): void {
  expect(watched.requests.filter((request) => request !== url && !request.startsWith('data:'))).toEqual([])
}

/** Every WCAG 2.2 A and AA violation axe-core finds on the page, one line each: rule id and the nodes' targets. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugger protocol, which the page's Content-Security-Policy does not govern: the page itself stays as published.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } })
      .axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }))
  }, wcagTags)
  return violations.map((violation) => `${violation.id}: ${violation.targets.join(', ')}`)
}

function visibleRows(page: Page) {
  return page.locator('table.recs tbody tr:visible')
}

async function firstIds(page: Page, count: number): Promise<string[]> {
  return (await visibleRows(page).locator('td:first-child').allTextContents()).slice(0, count).map((text) => text.trim())
}

describe('the report in headless Chromium', () => {
  it('shows the charts and the table, filters and sorts, and loads nothing', async () => {
    const watched = await open(reportUrl)
    const { page } = watched
    try {
      // The charts: three inline SVG images in figures, drawn at a readable size.
      const charts = page.locator('figure svg[role="img"]')
      await expect.poll(() => charts.count()).toBe(3)
      for (const chart of await charts.all()) {
        const box = await chart.boundingBox()
        expect(box?.width ?? 0).toBeGreaterThan(300)
        expect(await chart.getAttribute('aria-labelledby')).toMatch(/-caption$/)
      }
      await expect.poll(() => page.locator('table.coverage tbody tr').count()).toBe(12)

      // The table, with every recommendation and the script's count.
      const count = page.locator('[data-count]')
      expect(await visibleRows(page).count()).toBe(12)
      expect(await count.textContent()).toBe('Showing 12 of 12 recommendations')

      await page.screenshot({ path: screenshotPath() })

      // Filter by owner, then by status too, then by status alone.
      await page.selectOption('select[data-filter="owner"]', 'police')
      expect(await visibleRows(page).count()).toBe(4)
      expect(await firstIds(page, 4)).toEqual(['R3', 'R4', 'R9', 'R10'])
      expect(await count.textContent()).toBe('Showing 4 of 12 recommendations')
      await page.selectOption('select[data-filter="status"]', 'implemented')
      expect(await firstIds(page, 10)).toEqual(['R3', 'R4'])
      await page.selectOption('select[data-filter="owner"]', '')
      expect(await visibleRows(page).count()).toBe(7)
      await page.selectOption('select[data-filter="status"]', '')
      expect(await visibleRows(page).count()).toBe(12)

      // Sort by id (natural order, so R10 after R9), by click and by keyboard.
      const idHeader = page.locator('table.recs thead th').nth(0)
      await idHeader.locator('button').click()
      expect(await idHeader.getAttribute('aria-sort')).toBe('ascending')
      expect(await firstIds(page, 12)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12'])
      await idHeader.locator('button').focus()
      await page.keyboard.press('Enter')
      expect(await idHeader.getAttribute('aria-sort')).toBe('descending')
      expect(await firstIds(page, 3)).toEqual(['R12', 'R11', 'R10'])
      // By due date: soonest first, then the ones with no due date last.
      const dueHeader = page.locator('table.recs thead th').nth(4)
      await dueHeader.locator('button').click()
      expect(await dueHeader.getAttribute('aria-sort')).toBe('ascending')
      expect(await idHeader.getAttribute('aria-sort')).toBeNull()
      expect(await firstIds(page, 2)).toEqual(['R1', 'R2'])
      expect((await firstIds(page, 12)).at(-1)).toBe('R11')
      // Sorting keeps the filter.
      await page.selectOption('select[data-filter="owner"]', 'pcc')
      expect(await firstIds(page, 10)).toEqual(['R5', 'R7', 'R12', 'R11'])
      await page.selectOption('select[data-filter="owner"]', '')

      // A link to a recommendation opens its section.
      const section = page.locator('details#r1-rec-R3')
      expect(await section.getAttribute('open')).toBeNull()
      await page.locator('table.recs a[href="#r1-rec-R3"]').click()
      expect(await section.getAttribute('open')).not.toBeNull()
      expect(await section.locator('table tbody tr').count()).toBe(3)

      // Printed: every section's content shows, the filters do not.
      await page.emulateMedia({ media: 'print' })
      expect(await page.locator('details#r1-rec-R9 h3').first().isVisible()).toBe(true)
      expect(await page.locator('.filters').isVisible()).toBe(false)
      expect(await visibleRows(page).count()).toBe(12)

      expect(watched.problems).toEqual([])
      offline(watched, reportUrl)
    } finally {
      await page.close()
    }
    expect(statSync(screenshotPath()).size).toBeLessThan(300 * 1024)
  })

  it('shows responses, status by assurance, slippage and open actions with their figures', async () => {
    const watched = await open(accountabilityUrl)
    const { page } = watched
    try {
      // Responses: a count per decision (by hand, see the fixture), R3 named and linked as overdue.
      const cards = page.locator('#r1-responses ~ dl.cards .card')
      expect(
        await cards.evaluateAll((nodes) => nodes.map((node) => `${node.querySelector('dt')?.textContent ?? ''}=${node.querySelector('dd')?.firstChild?.textContent ?? ''}`))
      ).toEqual(['Accepted=1', 'Accepted in principle=1', 'Partially accepted=1', 'Not accepted=1', 'Awaiting=1'])
      expect(await page.locator('section[aria-labelledby="r1-responses"] p').textContent()).toBe('Response overdue for 1: R3')
      expect(await page.locator('section[aria-labelledby="r1-responses"] p a').getAttribute('href')).toBe('#r1-rec-R3')

      // Status by assurance: the held statuses by assurance level.
      const assurance = await page
        .locator('table.assurance tbody tr')
        .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent.trim()).join(' | ')))
      expect(assurance).toEqual([
        'Not started | 0 | 0 | 0 | 1',
        'In progress | 0 | 0 | 0 | 1',
        'Ready for assessment | 1 | 0 | 0 | 0',
        'Implemented | 0 | 1 | 1 | 0',
        'Superseded | 0 | 0 | 0 | 1'
      ])
      expect(await page.locator('#r1-assurance-gap').textContent()).toBe('Assurance gap by owner (2)')
      expect(await page.locator('ul.gap li').allTextContents()).toEqual(['Borough Council: 1 (R2)', 'County Police: 2 (R2, R3)'])

      // Slippage: a chart (an image named by its caption, each dot's tooltip giving the reasons) and the table beside it.
      const chart = page.locator('#r1-slippage svg[role="img"]')
      expect(await chart.getAttribute('aria-labelledby')).toBe('r1-slippage-caption')
      const tooltips = await chart.locator('title').allTextContents()
      expect(tooltips).toContain(
        'R2 Commission a case audit: due 2024-12-31, from 2024-03-31 (275 days, 2 revisions)\n2024-03-01: to 2024-09-30 (supplier delay)\n2024-08-01: to 2024-12-31 (contract re-tendered)'
      )
      expect(tooltips).toContain('R4 Record ethnicity of victims: due 2024-10-31, from 2024-12-31 (-61 days, 1 revision)\n2024-04-01: to 2024-10-31 (no reason given)')
      const slipped = await page.locator('table.slippage tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].slice(0, 6).map((cell) => cell.textContent.trim())))
      expect(slipped).toEqual([
        ['R2', 'Borough Council; County Police', '2024-03-31', '2024-12-31', '2', '275'],
        ['R4', 'County Police', '2024-12-31', '2024-10-31', '1', '-61']
      ])
      expect(await page.locator('#r1-slippage-description').textContent()).toContain('2 recommendations moved, 214 days in all. Moved without a reason: R4.')

      // Open actions: by owner, overdue first, the done one left out, each linked to where it is written.
      expect(await page.locator('section.actions h3').allTextContents()).toEqual(['Council (2)', 'Police (1)', 'No owner named (1)'])
      expect(await page.locator('section.actions .action-text').allTextContents()).toEqual([
        'Council to send the audit terms',
        'Council to publish the response',
        'Police to report on training at the next meeting',
        'Clerk to circulate the minutes'
      ])
      expect(await page.locator('section.actions li[data-overdue="true"] .action-text').allTextContents()).toEqual(['Council to send the audit terms'])
      expect(
        await page
          .locator('section.actions li')
          .first()
          .locator('a')
          .evaluateAll((links) => links.map((link) => `${link.textContent} ${link.getAttribute('href') ?? ''}`))
      ).toEqual(['R2 #r1-rec-R2', 'minutes/2024-09-15-board.md:12 minutes/2024-09-15-board.md#L12'])

      expect(await accessibilityViolations(page)).toEqual([])
      expect(watched.problems).toEqual([])
      offline(watched, accountabilityUrl)
    } finally {
      await page.close()
    }
  })

  it('shows the new panels without JavaScript', async () => {
    if (!browser) throw new Error('The browser did not start')
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } })
    try {
      const page = await context.newPage()
      page.setDefaultTimeout(60_000)
      await page.goto(accountabilityUrl, { waitUntil: 'load' })
      for (const selector of ['#r1-responses', 'table.assurance', 'ul.gap', '#r1-slippage svg[role="img"]', 'table.slippage', 'section.actions ul.actions']) {
        expect(await page.locator(selector).first().isVisible(), selector).toBe(true)
      }
    } finally {
      await context.close()
    }
  })

  it('meets WCAG 2.2 A and AA (axe-core) on the fixture and on every example', async () => {
    expect(exampleUrls.size).toBeGreaterThan(0)
    for (const [name, url] of [['fixture', reportUrl] as const, ...[...exampleUrls].map(([example, href]) => [`examples/${example}`, href] as const)]) {
      const watched = await open(url)
      try {
        expect(await accessibilityViolations(watched.page), name).toEqual([])
        expect(watched.problems, name).toEqual([])
        offline(watched, url)
      } finally {
        await watched.page.close()
      }
    }
  })

  it('runs none of the markup hidden in user data', async () => {
    const watched = await open(evilUrl)
    try {
      expect(await watched.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined()
      expect(await watched.page.locator('h1').textContent()).toContain('<script>window.__pwned = true</script>')
      expect(await watched.page.locator('img').count()).toBe(0)
      expect(watched.problems).toEqual([])
      offline(watched, evilUrl)
    } finally {
      await watched.page.close()
    }
  })
})

if (updateScreenshots) mkdirSync(fileURLToPath(new URL('../screenshots/', import.meta.url)), { recursive: true })
