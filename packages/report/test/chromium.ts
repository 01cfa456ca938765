import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Where Debian's `chromium` package puts the browser. */
export const chromiumPath = '/usr/bin/chromium'

/** Flags for a quiet, offline headless run (no sandbox: CI runs as root). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

const howTo = 'install it with `apt-get install chromium` (Debian; run `apt-get update` first) and run the tests again'

function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      maxBuffer: 64 * 1024 * 1024
    })
  } catch (error) {
    const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr).trim().split('\n').slice(-5).join('\n') : String(error)
    throw new Error(`The browser test needs Chromium at ${chromiumPath}; \`${command} ${args.join(' ')}\` failed:\n${detail}\nPlease ${howTo}.`)
  }
}

/**
 * Make sure Debian's Chromium is installed: when it is missing and this
 * process may install packages (root, with apt-get), install it (a minute or
 * two); otherwise fail with a message saying how. Never skips.
 */
export function ensureChromium(path: string = chromiumPath): string {
  if (existsSync(path)) return path
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].some((candidate) => existsSync(candidate))
  if (!root || !aptGet) {
    throw new Error(`The browser test needs Chromium at ${path}, which is missing, and cannot install it here (${root ? 'no apt-get' : 'not root'}): ${howTo}.`)
  }
  run('apt-get', ['update'])
  run('apt-get', ['install', '-y', 'chromium'])
  if (!existsSync(path)) throw new Error(`\`apt-get install -y chromium\` ran but ${path} is still missing: ${howTo}.`)
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
