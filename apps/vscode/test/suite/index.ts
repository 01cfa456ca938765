/**
 * The mocha suite's entry, called by VS Code's extension host
 * (`extensionTestsPath`). Runs the tests and writes their results as JSON to
 * the file named by FOLLOWTHROUGH_TEST_RESULTS, which the harness waits for.
 */
import { writeFileSync } from 'node:fs'
import Mocha from 'mocha'
import * as vscode from 'vscode'

interface TestResult {
  title: string
  fullTitle: string
  state: 'passed' | 'failed' | 'pending'
  duration?: number
  error?: string
}

export async function run(): Promise<void> {
  const resultsFile = process.env.FOLLOWTHROUGH_TEST_RESULTS
  // A hang guard per test, not a performance bound: each test waits (up to a
  // minute a wait, util.ts `patience`) for the state it asserts, and CI runs
  // this suite beside others on two cores.
  const mocha = new Mocha({ ui: 'tdd', timeout: 300_000, color: false, reporter: 'spec' })
  // The test files are bundled into this one; register their suites with mocha's globals in place.
  mocha.suite.emit('pre-require', globalThis, 'followthrough-suite', mocha)
  /* eslint-disable @typescript-eslint/no-require-imports */
  // Screenshots first, while the example is as shipped.
  // The benchmark runs alone (FOLLOWTHROUGH_TEST_BENCH: `example`, or `corpus` in a workspace with a 2,000-file corpus).
  if (process.env.FOLLOWTHROUGH_TEST_BENCH) {
    require('./bench.test')
  } else {
    if (process.env.FOLLOWTHROUGH_TEST_SCREENSHOTS === '1') require('./screenshot.test')
    require('./language.test')
    require('./views.test')
    require('./preview.test')
    if (process.env.FOLLOWTHROUGH_TEST_MULTIROOT === '1') require('./multi-root.test')
  }
  /* eslint-enable @typescript-eslint/no-require-imports */

  const tests: TestResult[] = []
  let error: string | undefined
  const failures = await new Promise<number>((resolve) => {
    try {
      const runner = mocha.run((count) => {
        resolve(count)
      })
      runner.on('pass', (test) => tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'passed', duration: test.duration ?? 0 }))
      runner.on('fail', (test, err: Error) =>
        tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'failed', duration: test.duration ?? 0, error: err.stack ?? String(err) })
      )
      runner.on('pending', (test) => tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'pending' }))
    } catch (caught) {
      error = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)
      resolve(1)
    }
  })
  const results = {
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    trusted: vscode.workspace.isTrusted,
    passed: tests.filter((test) => test.state === 'passed').length,
    failed: tests.filter((test) => test.state === 'failed').length + (error ? 1 : 0),
    pending: tests.filter((test) => test.state === 'pending').length,
    tests,
    ...(error ? { error } : {}),
    bench: (globalThis as { followthroughBench?: unknown }).followthroughBench
  }
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2))
  if (failures > 0) throw new Error(`${failures} test(s) failed`)
}
