import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, ensureChromium, watchPage } from '../../report/test/chromium.js'
import { run } from './workspace.js'

/**
 * `followthrough report` on the bundled Telford example, opened from disk in
 * Debian's headless Chromium as a reader would: charts, the table and its
 * filters, no console errors, no network. The screenshot is the one the
 * README shows.
 */

const example = fileURLToPath(new URL('../../../examples/telford/', import.meta.url))
/** The README's screenshot is rewritten only when asked: a test run leaves the checkout as it found it. */
const screenshotPath = (): string =>
  process.env['FOLLOWTHROUGH_UPDATE_SCREENSHOTS'] === '1' ? fileURLToPath(new URL('../../../docs/report-telford.png', import.meta.url)) : join(folder, 'screenshot.png')

let browser: Browser | undefined
let folder = ''
let url = ''

beforeAll(async () => {
  const executablePath = ensureChromium()
  folder = mkdtempSync(join(tmpdir(), 'followthrough-example-'))
  cpSync(example, folder, { recursive: true })
  const result = await run(['report', '--as-of', '2024-10-31', '--out', 'report.html'], folder)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  url = pathToFileURL(join(folder, 'report.html')).href
  browser = await chromium.launch({ executablePath, args: chromiumArgs })
})

afterAll(async () => {
  await browser?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

describe('the example report in headless Chromium', () => {
  it('shows charts and the table of 47 recommendations, filters them, and loads nothing', async () => {
    if (!browser) throw new Error('The browser did not start')
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    // Playwright's message, well before the hang guard; never a limit a loaded machine hits.
    page.setDefaultTimeout(60_000)
    const { requests, problems } = watchPage(page)
    try {
      await page.goto(url, { waitUntil: 'load' })
      expect(await page.locator('h1').textContent()).toContain('Independent Inquiry into Telford Child Sexual Exploitation')
      // Status by owner, burn-up, staleness and the slippage of R23, R32 and R40's due dates.
      await expect.poll(() => page.locator('figure svg[role="img"]').count()).toBe(4)
      const rows = page.locator('table.recs tbody tr:visible')
      expect(await rows.count()).toBe(47)
      // The coverage matrix links each meeting to its minutes, relative to the report.
      expect(await page.locator('table.coverage a[href^="minutes/"]').count()).toBeGreaterThanOrEqual(11)

      await page.screenshot({ path: screenshotPath() })

      await page.selectOption('select[data-filter="owner"]', 'west-mercia-police')
      expect(await rows.count()).toBe(13)
      await page.selectOption('select[data-filter="status"]', 'blocked')
      expect(await rows.locator('td:first-child').allTextContents()).toEqual(['R23', 'R44'])
      await page.selectOption('select[data-filter="owner"]', '')
      expect(await rows.count()).toBe(5)

      expect(problems).toEqual([])
      expect(requests.filter((request) => request !== url && !request.startsWith('data:'))).toEqual([])
    } finally {
      await page.close()
    }
    expect(statSync(screenshotPath()).size).toBeLessThan(300 * 1024)
  })
})
