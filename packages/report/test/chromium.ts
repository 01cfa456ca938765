import { existsSync } from 'node:fs'
import { chromiumArgs as sharedArgs, chromiumPath as sharedPath } from '../../../scripts/chromium.mjs'
import { debianPackages, ensureDebianPackages } from '../../../scripts/prerequisites.mjs'

/** Where Debian's `chromium` package puts the browser (shared with the VS Code harness). */
export const chromiumPath: string = sharedPath

/** Flags for a quiet, offline headless run (no sandbox: CI runs as root; shared with the VS Code harness). */
export const chromiumArgs: string[] = [...sharedArgs]

/**
 * Make sure Debian's Chromium is installed: `npm test` installs it before any
 * suite starts; a browser test run on its own installs it through the same
 * installer (root with apt-get, under the shared lock, so suites never fight
 * over dpkg) or fails with one line naming the package and the command.
 * Never skips.
 */
export function ensureChromium(path: string = chromiumPath): string {
  ensureDebianPackages(debianPackages.browser)
  if (!existsSync(path)) throw new Error(`The browser test needs Chromium at ${path}, which is missing although the Debian package chromium is installed.`)
  return path
}

/** What a page did that a test may need to refuse: requests made and problems logged. */
export interface PageWatch {
  requests: string[]
  problems: string[]
}

/**
 * Record every request, console error or warning, page error and dialog of a
 * page (Playwright's `Page`, typed loosely so this file needs no import).
 */
export function watchPage(page: {
  on(event: 'request', listener: (request: { url(): string }) => void): unknown
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown
  on(event: 'pageerror', listener: (error: Error) => void): unknown
  on(event: 'dialog', listener: (dialog: { message(): string; dismiss(): Promise<void> }) => void): unknown
}): PageWatch {
  const watch: PageWatch = { requests: [], problems: [] }
  page.on('request', (request) => watch.requests.push(request.url()))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.problems.push(`console ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`))
  page.on('dialog', (dialog) => {
    watch.problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return watch
}
