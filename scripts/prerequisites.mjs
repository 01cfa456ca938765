#!/usr/bin/env node
// What the tests need from the machine, installed by ONE step before any
// suite starts: `npm test` runs `node scripts/prerequisites.mjs` first (and
// .ci/run only runs `npm test`). It installs, as root with apt-get, the union
// of the Debian packages every suite needs, then code-server into .cache/.
// When it cannot install (not root, no apt-get), it stops with one line
// naming the missing packages and the command that installs them.
//
// The suites' own helpers (packages/report/test/chromium.ts and the VS Code
// harness) call ensureDebianPackages() too, so a suite run on its own still
// installs what it lacks. They never fight: every install runs under one
// lock (flock), re-checks what is missing once it holds the lock, and apt-get
// waits for dpkg's own lock (DPkg::Lock::Timeout) rather than failing on it.
// Without all this, turbo started three suites that each ran apt-get at the
// same moment and two lost the dpkg lock.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromiumPath } from './chromium.mjs'

const scriptPath = fileURLToPath(import.meta.url)

/** The Debian packages each group of suites needs. */
export const debianPackages = Object.freeze({
  /** The report's and the CLI's browser tests. */
  browser: Object.freeze(['chromium']),
  /**
   * The real-VS-Code suite: the browser, ripgrep (VS Code's search), and what
   * code-server's native modules (node-pty, kerberos, keytar, native-keymap)
   * build with.
   */
  vscode: Object.freeze(['chromium', 'ripgrep', 'g++', 'make', 'python3', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev'])
})

/**
 * Every Debian package any test needs (the union of {@link debianPackages}).
 * FOLLOWTHROUGH_DEBIAN_PACKAGES (space-separated) replaces the list: the
 * installer's own test uses it to name a package that is missing.
 */
export function allDebianPackages(env = process.env) {
  const override = env.FOLLOWTHROUGH_DEBIAN_PACKAGES?.trim()
  if (override) return override.split(/\s+/)
  return [...new Set(Object.values(debianPackages).flat())]
}

/** How long an install waits for another one (our lock, then dpkg's), in seconds. */
export const lockWaitSeconds = 1800

/** The lock every install of ours holds (one per machine, like dpkg's). */
export const defaultLockFile = join(existsSync('/run/lock') ? '/run/lock' : tmpdir(), 'followthrough-prerequisites.lock')

/** An error whose message is meant for the user as it is (no stack trace). */
export class PrerequisitesError extends Error {
  name = 'PrerequisitesError'
}

const defaultLog = (message) => process.stderr.write(`[prerequisites] ${message}\n`)

/** Whether `name` is an executable on the PATH. */
export function hasCommand(name, env = process.env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    try {
      accessSync(join(dir, name), constants.X_OK)
      return true
    } catch {
      // not here
    }
  }
  return false
}

/**
 * Which of `packages` dpkg does not list as installed, or `undefined` when
 * this machine has no dpkg to ask.
 */
export function missingDebianPackages(packages) {
  if (packages.length === 0) return []
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...packages], { encoding: 'utf8' })
  if (result.error) return undefined
  const installed = new Set(
    String(result.stdout ?? '')
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0].replace(/:.*$/, ''))
  )
  return packages.filter((name) => !installed.has(name.replace(/:.*$/, '')))
}

/** Why this process cannot install Debian packages, or `undefined` when it can. */
export function installBlocker({ root = process.getuid?.() === 0, aptGet = hasCommand('apt-get') } = {}) {
  if (!aptGet) return 'no apt-get'
  if (!root) return 'not root'
  return undefined
}

/** The one line shown when packages are missing and cannot be installed here. */
export function missingPackagesMessage(missing, reason) {
  const list = missing.join(' ')
  return `Missing Debian packages the tests need: ${list} (${reason}, so not installing them). Install them as root with: apt-get update && apt-get install -y --no-install-recommends ${list}`
}

/**
 * Make sure the Debian `packages` are installed: when some are missing and
 * this process may install them (root, with apt-get), install them under the
 * shared lock; otherwise throw a {@link PrerequisitesError} naming them and
 * the command. On a machine without dpkg, accept what can be seen (Chromium
 * at its path, `rg` on the PATH) and name the rest otherwise. Never skips.
 */
export function ensureDebianPackages(packages, { lockFile = defaultLockFile, log = defaultLog } = {}) {
  const missing = missingDebianPackages(packages)
  if (missing === undefined) {
    const unseen = packages.filter((name) => (name === 'chromium' && !existsSync(chromiumPath)) || (name === 'ripgrep' && !hasCommand('rg')))
    if (unseen.length > 0) throw new PrerequisitesError(missingPackagesMessage(unseen, 'no dpkg: install their equivalents'))
    return
  }
  if (missing.length === 0) return
  const blocker = installBlocker()
  if (blocker) throw new PrerequisitesError(missingPackagesMessage(missing, blocker))
  installDebianPackages(missing, { lockFile, log })
}

/**
 * Install `packages` with apt-get in a child process that holds `lockFile`
 * (flock, waiting up to {@link lockWaitSeconds}); the child installs only what
 * is still missing once it has the lock. Throws when the install fails.
 */
export function installDebianPackages(packages, { lockFile = defaultLockFile, log = defaultLog } = {}) {
  const child = [scriptPath, '--install-locked', ...packages]
  const [command, args] = hasCommand('flock') ? ['flock', ['--wait', String(lockWaitSeconds), lockFile, process.execPath, ...child]] : [process.execPath, child]
  log(`installing ${packages.join(' ')} (waiting for any other install first)`)
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
  if (result.status !== 0) {
    const detail = output.split('\n').slice(-15).join('\n')
    throw new PrerequisitesError(`Installing the Debian packages ${packages.join(' ')} failed (exit ${result.status ?? result.signal ?? result.error?.message}):\n${detail}`)
  }
  for (const line of output.split('\n')) if (line) log(line.replace(/^\[prerequisites\] /, ''))
}

/** Run a command, throwing with the end of its output when it fails. */
function run(command, args, env) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env, maxBuffer: 256 * 1024 * 1024 })
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n')
    throw new PrerequisitesError(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal ?? result.error?.message}):\n${output}`)
  }
}

/** The part that runs under the lock: install what is still missing. */
function installLocked(packages, log = defaultLog) {
  const missing = missingDebianPackages(packages) ?? packages
  if (missing.length === 0) {
    log(`${packages.join(' ')}: installed meanwhile by another run`)
    return
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  // Wait for dpkg's lock (someone else's apt run) instead of failing on it.
  const wait = ['-o', `DPkg::Lock::Timeout=${lockWaitSeconds}`]
  log(`apt-get install ${missing.join(' ')}`)
  run('apt-get', [...wait, 'update', '-qq'], env)
  run('apt-get', [...wait, 'install', '-y', '-qq', '--no-install-recommends', ...missing], env)
  const still = missingDebianPackages(missing) ?? []
  if (still.length > 0) throw new PrerequisitesError(`apt-get ran but these Debian packages are still missing: ${still.join(' ')}`)
}

/** `node scripts/prerequisites.mjs`: everything every suite needs (what `npm test` runs first). */
async function main(argv) {
  if (argv[0] === '--install-locked') {
    // The locked half of installDebianPackages.
    installLocked(argv.slice(1))
    return
  }
  ensureDebianPackages(allDebianPackages())
  // code-server for the real-VS-Code suite, into .cache/ (no root needed).
  const { ensureCodeServer } = await import('../apps/vscode/test/harness/prerequisites.mjs')
  ensureCodeServer()
}

// Not awaited at the top level: the harness imports this module, and a
// top-level await on importing the harness would wait on itself.
if (process.argv[1] && resolve(process.argv[1]) === scriptPath) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}
