/**
 * The extension's benchmark (run with `npm run bench`, in a workspace of the
 * example and a 2,000-file corpus): activation to first diagnostics, the
 * extension host's own time per keystroke in minutes and in a register, and
 * keystroke to fresh diagnostics. Figures go to the results file for
 * docs/benchmarks.md; the suite asserts nothing about time.
 */
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import * as path from 'node:path'
import { closeAll, eventually, getApi, open, positionOf, waitForDiagnostics } from './util.js'

const results: Record<string, unknown> = {}
;(globalThis as { followthroughBench?: unknown }).followthroughBench = results

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits))

/** Which part of the benchmark this run measures (see test/harness/run.mjs). */
const part = process.env.FOLLOWTHROUGH_TEST_BENCH === 'corpus' ? 'corpus' : 'example'
/** A test of one part: the other part's run does not define it (nothing skipped, nothing pending). */
const partTest = (wanted: typeof part) => (title: string, body: Mocha.AsyncFunc) => {
  if (part === wanted) test(title, body)
}
const exampleTest = partTest('example')
const corpusTest = partTest('corpus')

suite('Benchmark', () => {
  suiteSetup(async function () {
    this.timeout(300_000)
    await getApi()
  })

  exampleTest('activation and first diagnostics', async function () {
    this.timeout(60_000)
    const api = await getApi()
    // A minutes file not opened before, with the server warm: open to diagnostics.
    await closeAll()
    const samples: number[] = []
    for (const file of ['minutes/2022-10-12-accountability.md', 'minutes/2023-04-17-accountability.md', 'minutes/2024-04-17-accountability.md']) {
      const started = performance.now()
      const document = (await open(file)).document
      await waitForDiagnostics(document.uri, (list) => list.length > 0)
      samples.push(performance.now() - started)
    }
    // A cold server with a minutes file open (what activation does): from starting the
    // server (after stopping the old one) to the file's diagnostics.
    const document = (await open('minutes/2024-01-17-accountability.md')).document
    await waitForDiagnostics(document.uri, (list) => list.length > 0)
    const cold: number[] = []
    for (let i = 0; i < 3; i++) {
      let cleared = false
      const back = new Promise<number>((resolve) => {
        const subscription = vscode.languages.onDidChangeDiagnostics(() => {
          const count = vscode.languages.getDiagnostics(document.uri).length
          if (count === 0) cleared = true
          else if (cleared) {
            subscription.dispose()
            resolve(performance.now())
          }
        })
      })
      await vscode.commands.executeCommand('followthrough.restartServer')
      cold.push((await back) - (api.timings.lastStartAt ?? NaN))
    }
    results.activation = {
      activateMs: round(api.timings.activateMs, 1),
      clientStartAtStartupMs: round(api.timings.clientStartMs ?? NaN, 1),
      serverStartToFirstDiagnosticsMs: cold.map((value) => round(value, 1)),
      openToFirstDiagnosticsMs: samples.map((value) => round(value, 1)),
      firstViewsRefreshMs: round(api.timings.firstRefreshMs ?? NaN, 1)
    }
  })

  exampleTest('extension host time per keystroke', async function () {
    this.timeout(120_000)
    const api = await getApi()
    const editor = await open('minutes/2024-01-17-accountability.md')
    const document = editor.document
    await waitForDiagnostics(document.uri, (list) => list.length > 0)
    const at = positionOf(document, 'Work on\nR14 continues')
    editor.selection = new vscode.Selection(at, at)
    const keystrokes = 200
    api.perf.reset()
    const cpu = process.cpuUsage()
    const started = performance.now()
    for (let i = 0; i < keystrokes; i++) await vscode.commands.executeCommand('type', { text: i % 10 === 9 ? ' ' : 'x' })
    const elapsed = performance.now() - started
    const used = process.cpuUsage(cpu)
    await api.whenIdle()
    const perf = api.perf.snapshot()
    const own = Object.values(perf).reduce((sum, entry) => sum + entry.ms, 0)
    results.keystrokes = {
      keystrokes,
      extensionMsPerKeystroke: round(own / keystrokes, 4),
      handlers: Object.fromEntries(
        Object.entries(perf).map(([name, entry]) => [name, { count: entry.count, meanMs: round(entry.ms / entry.count, 4), maxMs: round(entry.max, 3) }])
      ),
      extensionHostCpuMsPerKeystroke: round((used.user + used.system) / 1000 / keystrokes, 3),
      wallMsPerKeystroke: round(elapsed / keystrokes, 2)
    }
    assert.ok(own > 0, 'the handlers were timed')
  })

  corpusTest('extension host time per keystroke in a register, on a 2,000-file workspace', async function () {
    this.timeout(900_000)
    const api = await getApi()
    const corpus = vscode.workspace.workspaceFolders?.find((folder) => folder.name === 'corpus')
    assert.ok(corpus, 'the benchmark workspace has the generated corpus')
    const corpusUri = corpus.uri.toString()
    const indexed = Date.now()
    await eventually(
      'the corpus to be indexed',
      async () => {
        await vscode.commands.executeCommand('followthrough.refresh')
        const folder = api.views().folders.find((entry) => vscode.Uri.parse(entry.uri).toString() === corpusUri)
        assert.ok(folder?.complete && folder.minutes === 2000, `indexed: ${folder?.minutes ?? 0}`)
      },
      600_000
    )
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(path.join(corpus.uri.fsPath, 'recommendations.yaml')), { preview: false })
    const document = editor.document
    const title = 'Recommendation number 5 of the inquiry'
    const at = positionOf(document, title, title.length)
    editor.selection = new vscode.Selection(at, at)
    await api.whenIdle()
    const registerOf = () => api.views().registers.find((register) => vscode.Uri.parse(register.folder).toString() === corpusUri)
    const before = api.stats().refreshCount
    const keystrokes = 200
    const typed = Array.from({ length: keystrokes }, (_, i) => (i % 10 === 9 ? ' ' : 'x')).join('')
    api.perf.reset()
    const cpu = process.cpuUsage()
    const started = performance.now()
    for (const character of typed) await vscode.commands.executeCommand('type', { text: character })
    const elapsed = performance.now() - started
    // The views' refresh after the last keystroke is part of the cost: wait until they show the new title.
    await eventually(
      'the views to show the typed title',
      () => {
        const r5 = registerOf()?.recommendations.find((recommendation) => recommendation.id === 'R5')
        assert.equal(r5?.title, `${title}${typed}`.trim())
      },
      300_000
    )
    await api.whenIdle()
    const used = process.cpuUsage(cpu)
    const perf = api.perf.snapshot()
    const own = Object.values(perf).reduce((sum, entry) => sum + entry.ms, 0)
    const answer = JSON.stringify(api.views())
    const parse = performance.now()
    for (let i = 0; i < 10; i++) JSON.parse(answer)
    results.registerKeystrokes = {
      keystrokes,
      minutesInWorkspace: 2000,
      indexWaitMs: Date.now() - indexed,
      extensionMsPerKeystroke: round(own / keystrokes, 4),
      handlers: Object.fromEntries(
        Object.entries(perf).map(([name, entry]) => [name, { count: entry.count, meanMs: round(entry.ms / entry.count, 4), maxMs: round(entry.max, 3) }])
      ),
      viewsRefreshes: api.stats().refreshCount - before,
      recommendationsAnswerKB: round(answer.length / 1024, 1),
      recommendationsParseMs: round((performance.now() - parse) / 10, 3),
      extensionHostCpuMsPerKeystroke: round((used.user + used.system) / 1000 / keystrokes, 3),
      wallMsPerKeystroke: round(elapsed / keystrokes, 2)
    }
    await closeAll()
  })

  exampleTest('keystroke to fresh diagnostics', async function () {
    this.timeout(120_000)
    const editor = await open('minutes/2024-01-17-accountability.md')
    const document = editor.document
    const samples: number[] = []
    for (let i = 0; i < 15; i++) {
      // Type " R99" as one edit, wait for its diagnostic, then take it out again.
      const end = positionOf(document, 'Work on\nR14 continues')
      const count = () => vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => document.getText(diagnostic.range).includes('R99')).length
      const started = performance.now()
      await editor.edit((builder) => {
        builder.insert(end, 'R99 ')
      })
      await waitForDiagnostics(document.uri, () => count() > 0)
      samples.push(performance.now() - started)
      await editor.edit((builder) => {
        builder.delete(new vscode.Range(end, end.translate(0, 4)))
      })
      await waitForDiagnostics(document.uri, () => count() === 0)
    }
    results.editToDiagnosticsMs = { median: round(percentile(samples, 50), 1), p90: round(percentile(samples, 90), 1), samples: samples.map((value) => round(value, 1)) }
    const api = await getApi()
    results.viewsRefreshMs = round(api.stats().lastRefreshMs, 1)
  })
})
