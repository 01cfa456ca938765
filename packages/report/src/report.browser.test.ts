import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { computeProgress, RegisterSchema } from '@followthrough/core'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, ensureChromium, watchPage } from '../test/chromium.js'
import { fixtureReport } from '../test/fixture.js'
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
