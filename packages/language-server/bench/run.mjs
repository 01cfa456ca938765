// The language server's benchmark: spawns the real bin over stdio and speaks
// LSP to it as an editor does, on the CLI's generated corpus (2,000 minutes of
// about 5 KB, one of 100 KB, one of 1 MB). Prints a table; with --write, also
// replaces the "Language server" section of docs/benchmarks.md.
//
//   npm run bench -w @followthrough/language-server [-- --write] [-- --files 2000]
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node'
import { writeCorpus } from '../../cli/bench/corpus.mjs'
import { proseEdit, proseSpots, timeServiceEdits } from './edits.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const bin = join(here, '..', 'bin', 'followthrough-language-server.js')
const repository = join(here, '..', '..', '..')
const argv = process.argv.slice(2)
const files = Number(argv[argv.indexOf('--files') + 1] || 2000) || 2000
const write = argv.includes('--write')
// `--json <path>`: the figures as JSON too, for the root `npm run bench` (scripts/bench.mjs).
const jsonOut = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined

if (!existsSync(join(here, '..', 'dist', 'server.js'))) {
  console.error('Build first: npx turbo run build --filter @followthrough/language-server')
  process.exit(2)
}

const folder = join(tmpdir(), 'followthrough-ls-bench')
console.error(`Writing the corpus (${files} minutes) to ${folder}…`)
writeCorpus(folder, { files, size: 5000 })
// The large documents are minutes too, so they get diagnostics.
writeFileSync(join(folder, 'followthrough.config.json'), JSON.stringify({ minutes: ['minutes/**/*.md', 'large/*.md'] }))

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const ms = (value) => (value < 10 ? value.toFixed(2) : value.toFixed(0))

/** CPU seconds a process has used (its threads included), from /proc; NaN where there is none. */
function cpuSeconds(pid) {
  try {
    // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

function peakMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const peak = /VmHWM:\s+(\d+) kB/.exec(status)
    const now = /VmRSS:\s+(\d+) kB/.exec(status)
    return { peak: peak ? Number(peak[1]) / 1024 : NaN, now: now ? Number(now[1]) / 1024 : NaN }
  } catch {
    return { peak: NaN, now: NaN }
  }
}

const child = spawn(process.execPath, [bin, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'inherit'] })
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
const waiting = new Map()
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  const waiter = waiting.get(params.uri)
  if (waiter && (waiter.version === undefined || params.version === waiter.version)) {
    waiting.delete(params.uri)
    waiter.resolve(params)
  }
})
connection.onNotification('window/logMessage', (params) => {
  if (params.type === 1) console.error(`server: ${params.message}`)
})
connection.onRequest('client/registerCapability', () => null)
connection.listen()

const diagnosticsFor = (uri, version) => new Promise((resolve) => waiting.set(uri, { version, resolve }))

const rows = []
/** Figures the goals are checked against. */
const figures = {}
const started = performance.now()
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(folder).href,
  workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'corpus' }],
  capabilities: {},
  // Diagnostics as soon as they are ready: the figures measure the work, not the debounce.
  initializationOptions: { diagnosticsDelay: 0 }
})
await connection.sendNotification('initialized', {})

// Indexing is done when a request that needs the whole index answers.
const probe = pathToFileURL(join(folder, 'minutes', '0000.md')).href
const probeText = readFileSync(join(folder, 'minutes', '0000.md'), 'utf8')
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: probe, languageId: 'markdown', version: 1, text: probeText } })
const reference = probeText.search(/\bR\d+\b/)
const probeLines = probeText.slice(0, reference).split('\n')
await connection.sendRequest('textDocument/references', {
  textDocument: { uri: probe },
  position: { line: probeLines.length - 1, character: probeLines.at(-1).length + 1 },
  context: { includeDeclaration: false }
})
const indexed = performance.now() - started
const memory = peakMemory(child.pid)
figures.index = indexed
figures.indexPeak = memory.peak
figures.indexLoad = loadavg()[0]
figures.indexCpu = cpuSeconds(child.pid)
rows.push([
  `Index ${files} minutes (initialize to a complete index)`,
  `${ms(indexed)} ms`,
  `peak ${memory.peak.toFixed(0)} MB, ${memory.now.toFixed(0)} MB after; ${figures.indexCpu.toFixed(1)} s of CPU (server and its worker threads); load ${figures.indexLoad.toFixed(1)}`
])
console.error(`Indexed in ${ms(indexed)} ms`)

function positionAt(text, offset) {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length - 1, character: before.at(-1).length }
}

const documents = [
  ['5 KB', join('minutes', '0001.md'), 200],
  ['100 KB', join('large', '100k.md'), 100],
  ['1 MB', join('large', '1m.md'), 40]
]

for (const [label, relative, runs] of documents) {
  const uri = pathToFileURL(join(folder, relative)).href
  let text = readFileSync(join(folder, relative), 'utf8')
  let version = 1
  const opened = performance.now()
  const first = diagnosticsFor(uri, version)
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } })
  const firstDiagnostics = await first
  const openTime = performance.now() - opened

  // One-character edits in prose, alternately typed and deleted so the text stays the same size.
  const spots = proseSpots(text)
  const edits = []
  for (let run = 0; run < runs; run++) {
    // Type a character at a spot, then delete it: the next spot, and so on.
    const edit = proseEdit(text, spots, run)
    const start = positionAt(text, edit.at)
    const change = edit.typing ? { range: { start, end: start }, text: 'x' } : { range: { start, end: { line: start.line, character: start.character + 1 } }, text: '' }
    text = edit.text
    version++
    const fresh = diagnosticsFor(uri, version)
    const sent = performance.now()
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] })
    await fresh
    edits.push(performance.now() - sent)
  }

  const referenceAt = text.search(/\bR\d+\b/)
  const hovers = []
  for (let run = 0; run < 100; run++) {
    const sent = performance.now()
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionAt(text, referenceAt + 1) })
    hovers.push(performance.now() - sent)
  }
  const keyword = text.indexOf('Recommendation ') + 'Recommendation '.length
  const completions = []
  let items = 0
  for (let run = 0; run < 100; run++) {
    const sent = performance.now()
    const list = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAt(text, keyword) })
    completions.push(performance.now() - sent)
    items = list?.items?.length ?? 0
  }
  figures[label] = {
    open: openTime,
    edit50: percentile(edits, 50),
    edit90: percentile(edits, 90),
    hover95: percentile(hovers, 95),
    completion95: percentile(completions, 95),
    diagnostics: firstDiagnostics.diagnostics.length,
    load: loadavg()[0]
  }
  rows.push([`${label}: first diagnostics after opening`, `${ms(openTime)} ms`, `${firstDiagnostics.diagnostics.length} diagnostics`])
  rows.push([`${label}: one-character edit to fresh diagnostics`, `p50 ${ms(percentile(edits, 50))} ms, p90 ${ms(percentile(edits, 90))} ms`, `${runs} edits`])
  rows.push([`${label}: hover`, `p50 ${ms(percentile(hovers, 50))} ms, p95 ${ms(percentile(hovers, 95))} ms`, '100 requests'])
  rows.push([`${label}: completion after "Recommendation "`, `p50 ${ms(percentile(completions, 50))} ms, p95 ${ms(percentile(completions, 95))} ms`, `${items} items`])
  console.error(`${label} done`)
}

const finalMemory = peakMemory(child.pid)
await connection.sendRequest('shutdown')
await connection.sendNotification('exit')
connection.dispose()

// The same edits on the language service in this process: the server's work
// without JSON-RPC, whose cost grows with the number of diagnostics sent.
console.error('In-process service…')
const { createLanguageService } = await import('@followthrough/language-service')
const { nodeFileSystem } = await import('@followthrough/engine/node')
const { workerAnalyzer } = await import('../dist/index.js')
const { TextDocument } = await import('vscode-languageserver-textdocument')
const analyze = workerAnalyzer()
const service = createLanguageService({ workspace: { folders: [folder], ...nodeFileSystem }, ...(analyze ? { analyze } : {}) })
await service.ready()
for (const [label, relative, runs] of documents) {
  const uri = pathToFileURL(join(folder, relative)).href
  const edits = await timeServiceEdits(service, TextDocument, uri, readFileSync(join(folder, relative), 'utf8'), runs)
  figures[label].service90 = percentile(edits, 90)
  rows.push([
    `${label}: one-character edit to diagnostics, in-process service (no JSON-RPC)`,
    `p50 ${ms(percentile(edits, 50))} ms, p90 ${ms(percentile(edits, 90))} ms`,
    `${runs} edits`
  ])
}
service.dispose()

const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end (other work was running)`
const table = ['| What | Time | Notes |', '| --- | --- | --- |', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
const worst = (key) => Math.max(...documents.map(([label]) => figures[label][key]))
const goals = [
  [
    'Edit to diagnostics p90 under 5 ms at 100 KB (server; in-process service)',
    `${ms(figures['100 KB'].edit90)} ms; ${ms(figures['100 KB'].service90)} ms`,
    figures['100 KB'].edit90 < 5
  ],
  [
    'Edit to diagnostics p90 under 30 ms at 1 MB (server; in-process service)',
    `${ms(figures['1 MB'].edit90)} ms; ${ms(figures['1 MB'].service90)} ms`,
    figures['1 MB'].edit90 < 30
  ],
  ['Hover p95 under 16 ms', `${ms(worst('hover95'))} ms at worst`, worst('hover95') < 16],
  ['Completion p95 under 16 ms', `${ms(worst('completion95'))} ms at worst`, worst('completion95') < 16],
  ['First diagnostics on opening a 100 KB document under 300 ms', `${ms(figures['100 KB'].open)} ms`, figures['100 KB'].open < 300],
  [`The ${files}-file corpus indexed in under 10 s`, `${ms(figures.index)} ms`, figures.index < 10_000],
  ['The server under 300 MB while indexing', `${figures.indexPeak.toFixed(0)} MB peak`, figures.indexPeak < 300]
]
const goalTable = ['| Goal | Measured | Met |', '| --- | --- | --- |', ...goals.map(([goal, measured, met]) => `| ${goal} | ${measured} | ${met ? 'yes' : 'no'} |`)].join('\n')
console.log(table)
console.log(`\n${goalTable}`)
console.log(`\nServer peak memory over the whole run: ${finalMemory.peak.toFixed(0)} MB (${machine})`)

if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ machine, files, figures, finalPeak: finalMemory.peak }, null, 2))

if (write) {
  const path = join(repository, 'docs', 'benchmarks.md')
  const section = [
    '## Language server',
    '',
    `Measured by \`node packages/language-server/bench/run.mjs --write\` (run by the root \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}: ${machine}.`,
    `The bench spawns the bundled server over stdio and speaks LSP to it as an editor does, on the CLI's generated corpus (${files} minutes of about 5 KB, plus the 100 KB and 1 MB documents, counted as minutes). Diagnostics are pushed without the editor debounce (\`diagnosticsDelay: 0\`), so times are the server's work plus the JSON-RPC round trip; edits are one character typed or deleted in a prose paragraph; every figure comes from the same run. Server peak memory over the whole run: ${finalMemory.peak.toFixed(0)} MB. The first document opened after indexing (the 5 KB one) also waits for the workspace rules' first pass over every file. Diagnostics are sent whole on every change, as LSP has it (\`discussed-after-closure\` notes a closed recommendation once per file, so even the 1 MB document has a few dozen); the in-process rows give the service's own work without JSON-RPC.`,
    '',
    table,
    '',
    '### Goals (language server)',
    '',
    goalTable,
    ''
  ].join('\n')
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n'
  // Replace only our own section: others write theirs in the same file.
  const start = current.indexOf('## Language server')
  let next
  if (start >= 0) {
    const after = current.indexOf('\n## ', start + 1)
    next = `${current.slice(0, start)}${section}${after >= 0 ? current.slice(after + 1) : ''}`
  } else {
    next = `${current.trimEnd()}\n\n${section}`
  }
  writeFileSync(path, next)
  console.error(`Wrote the "Language server" section of ${path}`)
}
