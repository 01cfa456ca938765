#!/usr/bin/env node
// The real-VS-Code test harness: runs the extension's mocha suite (out/suite)
// inside VS Code, once in a trusted and once in an untrusted copy of the
// Telford example, and exits nonzero on any failure or timeout.
//
//   node test/harness/run.mjs [--mode trusted|untrusted|both] [--screenshots] [--bench FILE] [--keep]
//
// --bench runs the benchmark suite alone, twice: in the trusted multi-root
// workspace of the tests, then in one of the example and the CLI's generated
// corpus (2,000 minutes) for typing in a large workspace's register; it writes
// the figures of both to FILE.
//
// With VSCODE_EXECUTABLE (or FOLLOWTHROUGH_VSCODE_DOWNLOAD=1) it uses
// @vscode/test-electron; otherwise the VS Code that code-server ships, in
// Debian's headless Chromium, installing what that needs (prerequisites.mjs).
// Neither path is ever skipped: a missing prerequisite is installed or fails.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { driveChromium, startCodeServer, tail, workbenchUrl } from './code-server.mjs'
import { ensurePrerequisites, repoRoot } from './prerequisites.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const extensionPath = resolve(here, '../..')
const testsPath = join(extensionPath, 'out', 'suite', 'index.cjs')
const example = join(repoRoot, 'examples', 'telford')
const log = (message) => process.stderr.write(`[harness] ${message}\n`)

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'both' },
    screenshots: { type: 'boolean', default: false },
    bench: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Seconds for one run of the suite: a hang guard (it takes under a minute alone, a few beside other suites).
    timeout: { type: 'string', default: process.env.FOLLOWTHROUGH_VSCODE_TIMEOUT ?? '900' }
  }
})
const modes = values.bench ? ['bench', 'bench-corpus'] : values.mode === 'both' ? ['trusted', 'untrusted'] : [values.mode]
if (!values.bench && !modes.every((mode) => mode === 'trusted' || mode === 'untrusted')) {
  log(`unknown --mode ${values.mode}: use trusted, untrusted or both`)
  process.exit(2)
}
const timeoutMs = Number(values.timeout) * 1000

for (const file of [join(extensionPath, 'dist', 'extension.cjs'), join(extensionPath, 'dist', 'server.cjs'), testsPath]) {
  if (!existsSync(file)) {
    log(`${file} is missing: run \`npm run build\` in apps/vscode first`)
    process.exit(2)
  }
}

const executable = process.env.VSCODE_EXECUTABLE
const useElectron = Boolean(executable) || process.env.FOLLOWTHROUGH_VSCODE_DOWNLOAD === '1'
let entry
if (useElectron) {
  log(executable ? `VS Code: ${executable} (@vscode/test-electron)` : 'VS Code: downloaded by @vscode/test-electron')
} else {
  log('VS Code: the one code-server ships, in headless Chromium (set VSCODE_EXECUTABLE to use a desktop VS Code)')
  try {
    entry = ensurePrerequisites()
  } catch (error) {
    log(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}

const cleanups = new Set()
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    for (const cleanup of cleanups) await cleanup()
    process.exit(130)
  })
}

/** One run of the suite in a fresh copy of the example workspace. */
async function runOnce(mode) {
  const started = Date.now()
  const tmp = mkdtempSync(join(tmpdir(), `followthrough-vscode-${mode}-`))
  const workspace = join(tmp, 'telford')
  cpSync(example, workspace, { recursive: true, filter: (source) => !source.endsWith('report.html') })
  // The example names core's schemas by a path relative to the repository: keep them found from the copy.
  for (const file of ['followthrough.config.json', 'recommendations.yaml']) {
    const path = join(workspace, file)
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('../../packages/core/schemas/', `${join(repoRoot, 'packages', 'core', 'schemas')}/`))
  }
  // The trusted run opens a multi-root workspace: the example plus a small inspection
  // with its own config and register (test/fixtures/inspection). The benchmark's: the
  // example plus the CLI's generated corpus (2,000 minutes of about 5 KB, a register of 47).
  let target = workspace
  if (mode === 'trusted' || mode === 'bench') {
    cpSync(join(extensionPath, 'test', 'fixtures', 'inspection'), join(tmp, 'inspection'), { recursive: true })
    target = join(tmp, 'followthrough.code-workspace')
    writeFileSync(target, JSON.stringify({ folders: [{ path: 'telford' }, { path: 'inspection' }], settings: {} }, null, 2))
  } else if (mode === 'bench-corpus') {
    const { writeCorpus } = await import(pathToFileURL(join(repoRoot, 'packages', 'cli', 'bench', 'corpus.mjs')).href)
    writeCorpus(join(tmp, 'corpus'), { files: 2000, size: 5000 })
    target = join(tmp, 'followthrough.code-workspace')
    writeFileSync(target, JSON.stringify({ folders: [{ path: 'telford' }, { path: 'corpus' }], settings: {} }, null, 2))
  }
  const trusted = mode !== 'untrusted'
  const resultsFile = join(tmp, 'results.json')
  const signalDir = join(tmp, 'signals')
  mkdirSync(signalDir)
  const env = {
    FOLLOWTHROUGH_TEST_RESULTS: resultsFile,
    FOLLOWTHROUGH_TEST_MODE: trusted ? 'trusted' : 'untrusted',
    FOLLOWTHROUGH_TEST_SIGNALS: signalDir,
    ...(mode === 'trusted' ? { FOLLOWTHROUGH_TEST_MULTIROOT: '1' } : {}),
    ...(values.screenshots && mode === 'trusted' ? { FOLLOWTHROUGH_TEST_SCREENSHOTS: '1' } : {}),
    ...(mode === 'bench' ? { FOLLOWTHROUGH_TEST_BENCH: 'example' } : mode === 'bench-corpus' ? { FOLLOWTHROUGH_TEST_BENCH: 'corpus' } : {})
  }
  let results
  let logFile
  try {
    if (useElectron) {
      const { runWithElectron } = await import('./electron.mjs')
      results = await runWithElectron({ executable, workspace: target, trusted, extensionPath, testsPath, tmp, env })
    } else {
      const server = await startCodeServer({ entry, workspace: target, trusted, tmp, env })
      logFile = server.logFile
      cleanups.add(server.stop)
      try {
        const url = workbenchUrl({ port: server.port, workspace: target, extensionPath, testsPath })
        results = await driveChromium({
          url,
          tmp,
          resultsFile,
          signalDir,
          screenshotDir: values.screenshots ? join(extensionPath, 'images') : undefined,
          timeoutMs
        })
      } finally {
        await server.stop()
        cleanups.delete(server.stop)
      }
    }
  } catch (error) {
    log(`${mode} run failed: ${error instanceof Error ? error.message : String(error)}`)
    if (logFile) log(`--- code-server log (last lines) ---\n${tail(logFile)}`)
    log(`kept ${tmp} for inspection`)
    return { mode, ok: false, passed: 0, failed: 1, seconds: (Date.now() - started) / 1000 }
  }
  const seconds = (Date.now() - started) / 1000
  const ok = report(mode, results, seconds, trusted)
  if (ok && !values.keep) rmSync(tmp, { recursive: true, force: true })
  else log(`kept ${tmp}`)
  return { mode, ok, passed: results.passed ?? 0, failed: (results.failed ?? 0) + (ok ? 0 : results.failed ? 0 : 1), seconds, results }
}

/** Print one run's mocha results; true when it passed and ran where it should. */
function report(mode, results, seconds, trusted) {
  console.log(`\nVS Code ${results.vscodeVersion ?? '?'} (${results.appHost ?? '?'}), ${mode} workspace (isTrusted: ${results.trusted}), ${seconds.toFixed(1)} s`)
  for (const test of results.tests ?? []) {
    const mark = test.state === 'passed' ? '✓' : test.state === 'failed' ? '✗' : '-'
    console.log(`  ${mark} ${test.fullTitle}${test.duration !== undefined ? ` (${test.duration} ms)` : ''}`)
    if (test.error)
      console.log(
        test.error
          .split('\n')
          .map((line) => `      ${line}`)
          .join('\n')
      )
  }
  if (results.error) console.log(`  suite error: ${results.error}`)
  let ok = results.failed === 0 && results.passed > 0 && !results.error
  if (results.trusted !== trusted) {
    console.log(`  ✗ expected a${trusted ? ' trusted' : 'n untrusted'} workspace, VS Code reported isTrusted: ${results.trusted}`)
    ok = false
  }
  if (results.passed === 0) console.log('  ✗ no test ran')
  if (mode === 'trusted' && !(results.tests ?? []).some((test) => /multi-root/i.test(test.fullTitle) && test.state === 'passed')) {
    console.log('  ✗ the multi-root test did not pass')
    ok = false
  }
  console.log(`  ${mode}: ${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} pending` : ''}`)
  return ok
}

const outcomes = []
for (const mode of modes) outcomes.push(await runOnce(mode))

if (values.bench) {
  const parts = outcomes.map((outcome) => outcome.results?.bench).filter(Boolean)
  const bench = parts.length === 2 ? Object.assign({}, ...parts) : undefined
  if (bench) {
    writeFileSync(values.bench, JSON.stringify(bench, null, 2) + '\n')
    log(`benchmark figures written to ${values.bench}`)
  } else {
    log('no benchmark figures came back')
    outcomes.push({ ok: false, passed: 0, failed: 1 })
  }
}

const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0)
const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0)
const ok = outcomes.every((outcome) => outcome.ok)
console.log(
  `\nreal VS Code: ${outcomes.map((outcome) => `${outcome.mode ?? 'bench'} ${outcome.ok ? 'ok' : 'FAILED'}${outcome.seconds ? ` in ${outcome.seconds.toFixed(1)} s` : ''}`).join(', ')}`
)
console.log(`${passed} passed, ${failed} failed`)
process.exit(ok ? 0 : 1)
