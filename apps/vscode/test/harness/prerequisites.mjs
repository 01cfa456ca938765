// What the real-VS-Code suite needs on this kind of machine: Debian packages
// (Chromium, ripgrep and what code-server's native modules build with),
// installed through the repository's one installer (scripts/prerequisites.mjs,
// which `npm test` runs before any suite), and code-server, in a cache folder
// outside the npm workspaces. Idempotent: when everything is there it costs a
// few `stat` calls and one `dpkg-query`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromiumPath } from '../../../../scripts/chromium.mjs'
import { debianPackages, ensureDebianPackages } from '../../../../scripts/prerequisites.mjs'

const here = dirname(fileURLToPath(import.meta.url))
/** The repository's root (apps/vscode/test/harness → four levels up). */
export const repoRoot = resolve(here, '../../../..')

/** code-server 4.100.3 ships VS Code 1.100.3 and runs on Node 20 (newer ones need Node 24). */
export const codeServerVersion = '4.100.3'
/** Where code-server is installed: git-ignored (`.cache/`), outside the npm workspaces. */
export const cacheDir = process.env.FOLLOWTHROUGH_CODE_SERVER_DIR ?? join(repoRoot, '.cache', `code-server-${codeServerVersion}`)
export { chromiumPath }

const log = (message) => process.stderr.write(`[harness] ${message}\n`)

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024, ...options })
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n')
    throw new Error(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal ?? result.error?.message}):\n${output}`)
  }
  return String(result.stdout ?? '')
}

/** The files whose presence says code-server is installed and usable. */
function codeServerPaths(dir = cacheDir) {
  const root = join(dir, 'node_modules', 'code-server')
  return {
    root,
    entry: join(root, 'out', 'node', 'entry.js'),
    marker: join(dir, '.installed'),
    ripgrep: join(root, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
    pty: join(root, 'lib', 'vscode', 'node_modules', 'node-pty', 'build', 'Release', 'pty.node')
  }
}

export function codeServerInstalled(dir = cacheDir) {
  const paths = codeServerPaths(dir)
  return [paths.entry, paths.marker, paths.ripgrep].every((path) => existsSync(path))
}

/**
 * The version of @vscode/ripgrep that code-server's VS Code installs, read
 * from its shrinkwrap (1.15.11 for code-server 4.100.3).
 */
function ripgrepVersion(root) {
  const shrinkwrap = JSON.parse(readFileSync(join(root, 'lib', 'vscode', 'npm-shrinkwrap.json'), 'utf8'))
  const version = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version
  if (typeof version !== 'string') throw new Error('cannot find the @vscode/ripgrep version in code-server’s npm-shrinkwrap.json')
  return version
}

/**
 * @vscode/ripgrep's postinstall downloads a binary from GitHub unless its
 * cache holds the tarball: put Debian's `rg` there under the expected name.
 */
function seedRipgrepCache(version) {
  const cache = join(process.env.TMPDIR || tmpdir(), `vscode-ripgrep-cache-${version}`)
  const tarball = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz')
  if (existsSync(tarball)) return
  const rg = ['/usr/bin/rg', '/bin/rg'].find((candidate) => existsSync(candidate))
  if (rg === undefined) throw new Error('ripgrep (Debian package ripgrep) is needed to install code-server without downloading from GitHub')
  mkdirSync(cache, { recursive: true })
  const staging = mkdtempSync(join(tmpdir(), 'followthrough-rg-'))
  try {
    copyFileSync(rg, join(staging, 'rg'))
    run('tar', ['-czf', tarball, '-C', staging, 'rg'])
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/**
 * Install code-server into the cache folder when it is not there yet (about
 * a minute): fetch the package without scripts, seed ripgrep's cache, then run
 * the install scripts (code-server's own installs VS Code's dependencies and
 * builds node-pty with `npx node-gyp`, hence `npm_config_yes`).
 *
 * @returns the path of code-server's entry script.
 */
export function ensureCodeServer(dir = cacheDir) {
  const paths = codeServerPaths(dir)
  if (codeServerInstalled(dir)) return paths.entry
  const started = Date.now()
  log(`installing code-server@${codeServerVersion} into ${dir} (about a minute)`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'followthrough-code-server-cache', private: true }, null, 2) + '\n')
  const env = { ...process.env, npm_config_yes: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }
  // Keep npm from treating this folder as part of the repository's workspaces.
  delete env.npm_config_workspace
  delete env.npm_config_workspaces
  run('npm', ['install', '--ignore-scripts', '--no-save', '--no-package-lock', `code-server@${codeServerVersion}`], { cwd: dir, env })
  seedRipgrepCache(ripgrepVersion(paths.root))
  run('npm', ['rebuild', '--unsafe-perm', '--foreground-scripts'], { cwd: dir, env })
  for (const path of [paths.entry, paths.ripgrep]) {
    if (!existsSync(path)) throw new Error(`code-server's install finished but ${path} is missing`)
  }
  writeFileSync(paths.marker, `code-server@${codeServerVersion} installed ${new Date().toISOString()}\n`)
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`)
  return paths.entry
}

/** Everything the code-server path needs; returns code-server's entry script. */
export function ensurePrerequisites() {
  ensureDebianPackages(debianPackages.vscode)
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing at ${chromiumPath}: apt-get install -y chromium`)
  return ensureCodeServer()
}
