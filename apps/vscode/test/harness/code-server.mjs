// Run the extension's mocha suite inside the VS Code that code-server ships,
// driven by Debian's headless Chromium through playwright-core.
import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.mjs'

const log = (message) => process.stderr.write(`[harness] ${message}\n`)
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function waitForHealth(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await delay(150)
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeoutMs / 1000} s`)
}

/** End a detached child and everything in its process group: TERM, then KILL after a grace period. */
async function killGroup(child, graceMs = 3000) {
  if (!child.pid) return
  const alive = () => {
    try {
      process.kill(-child.pid, 0)
      return true
    } catch {
      return false
    }
  }
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }
  const deadline = Date.now() + graceMs
  while (alive() && Date.now() < deadline) await delay(100)
  if (alive()) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

/** Pids of processes whose command line mentions `needle` (a unique temp path of ours). */
function pidsMentioning(needle) {
  const pids = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) pids.push(Number(entry))
    } catch {
      // gone
    }
  }
  return pids
}

/**
 * Start code-server on a free port for one run.
 *
 * @returns `{ port, child, stop }`; `stop()` ends its whole process group.
 */
export async function startCodeServer({ entry, workspace, trusted, tmp, env }) {
  const port = await freePort()
  const userData = join(tmp, 'user-data')
  const extensions = join(tmp, 'extensions')
  mkdirSync(userData, { recursive: true })
  mkdirSync(extensions, { recursive: true })
  // Quiet, deterministic settings: no telemetry, no startup editor, no trust banner noise.
  // No auto-save: VS Code in a browser saves dirty files after a second by default, so on a
  // loaded machine a test's unsaved edits (a multi-file rename) reached the disk before the
  // test reverted them, and the next tests saw the renamed id. Tests save when they mean to.
  mkdirSync(join(userData, 'User'), { recursive: true })
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'files.autoSave': 'off',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'editor.hover.delay': 100,
        'editor.minimap.enabled': false,
        'editor.stickyScroll.enabled': false,
        'workbench.tree.indent': 12,
        'security.workspace.trust.startupPrompt': 'never',
        'workbench.colorTheme': 'Default Light Modern'
      },
      null,
      2
    )
  )
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    ...(trusted ? ['--disable-workspace-trust'] : []),
    workspace
  ]
  const logFile = join(tmp, 'code-server.log')
  const out = openSync(logFile, 'a')
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data'), ...env }
  })
  closeSync(out)
  const stop = () => killGroup(child)
  try {
    await waitForHealth(port, child, 300_000)
  } catch (error) {
    await stop()
    throw new Error(`${error.message}\n--- code-server log ---\n${tail(logFile)}`, { cause: error })
  }
  return { port, child, stop, logFile }
}

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

/** The workbench URL that opens `workspace` and runs the suite in extension development mode. */
export function workbenchUrl({ port, workspace, extensionPath, testsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true']
  ]
  const open = workspace.endsWith('.code-workspace') ? 'workspace' : 'folder'
  return `http://127.0.0.1:${port}/?${open}=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`
}

/**
 * Open the workbench in headless Chromium, then serve the suite's screenshot
 * requests (files `<signalDir>/<name>.request` → PNG in `screenshotDir`, then
 * `<name>.done`) until the results file appears or the time runs out.
 *
 * @returns the parsed results, or throws on timeout.
 */
export async function driveChromium({ url, tmp, resultsFile, signalDir, screenshotDir, timeoutMs }) {
  const { chromium } = await import('playwright-core')
  const profile = join(tmp, 'chromium-profile')
  mkdirSync(profile, { recursive: true })
  const browserLog = join(tmp, 'browser-console.log')
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs.filter((flag) => flag !== '--headless'),
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const lines = []
    page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => lines.push(`pageerror: ${error.message}`))
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 300_000 })
    const deadline = Date.now() + timeoutMs
    const served = new Set()
    while (Date.now() < deadline) {
      if (existsSync(resultsFile)) {
        // The suite writes the file in one go; a partial read retries.
        try {
          const results = JSON.parse(readFileSync(resultsFile, 'utf8'))
          writeFileSync(browserLog, lines.join('\n'))
          return results
        } catch {
          // written as we read: try again
        }
      }
      if (signalDir && existsSync(signalDir)) {
        for (const file of readdirSync(signalDir)) {
          if (!file.endsWith('.request') || served.has(file)) continue
          served.add(file)
          const name = file.slice(0, -'.request'.length)
          if (screenshotDir) {
            mkdirSync(screenshotDir, { recursive: true })
            let clip
            try {
              clip = JSON.parse(readFileSync(join(signalDir, file), 'utf8')).clip
            } catch {
              clip = undefined
            }
            await page.screenshot({ path: join(screenshotDir, `${name}.png`), ...(clip ? { clip } : {}) })
            log(`screenshot ${join(screenshotDir, `${name}.png`)}`)
          }
          writeFileSync(join(signalDir, `${name}.done`), 'ok')
        }
      }
      await delay(200)
    }
    writeFileSync(browserLog, lines.join('\n'))
    throw new Error(`no results from the extension host within ${timeoutMs / 1000} s\n--- browser console (last lines) ---\n${lines.slice(-25).join('\n')}`)
  } finally {
    await Promise.race([context.close().catch(() => undefined), delay(5000)])
    for (const pid of pidsMentioning(profile)) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // gone
      }
    }
  }
}
