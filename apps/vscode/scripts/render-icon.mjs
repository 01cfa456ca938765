// Render images/icon.svg to the 128×128 images/icon.png the Marketplace shows,
// with Debian's Chromium through playwright-core: `node scripts/render-icon.mjs`.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const svg = readFileSync(join(root, 'images', 'icon.svg'), 'utf8')
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] })
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 })
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`)
  await page.locator('svg').screenshot({ path: join(root, 'images', 'icon.png'), omitBackground: true })
} finally {
  await browser.close()
}
console.log('images/icon.png written')
