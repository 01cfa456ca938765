// Write the "VS Code extension" section of docs/benchmarks.md from the figures
// the suite measured inside VS Code (`npm run bench` runs both). Other sections
// of the file are kept as they are.
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const docs = resolve(root, '../../docs/benchmarks.md')
const bench = JSON.parse(readFileSync(process.argv[2] ?? join(root, 'bench-results.json'), 'utf8'))

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const ms = (value, digits = 0) => `${value.toFixed(digits)} ms`
const list = (values) => values.map((value) => Math.round(value)).join(', ')

const { activation, keystrokes, registerKeystrokes, editToDiagnosticsMs, viewsRefreshMs } = bench
const cold = median(activation.serverStartToFirstDiagnosticsMs)
const warm = median(activation.openToFirstDiagnosticsMs)
const own = keystrokes.extensionMsPerKeystroke
const describeHandlers = (handlers) =>
  Object.entries(handlers)
    .map(([name, entry]) => `${name} ${entry.count}× ${entry.meanMs.toFixed(3)} ms mean, ${entry.maxMs.toFixed(2)} ms max`)
    .join('; ')
const handlers = describeHandlers(keystrokes.handlers)
const inRegister = registerKeystrokes.extensionMsPerKeystroke

const rows = [
  ['`activate()` (synchronous part)', ms(activation.activateMs, 1), 'creates the views, starts the client; the server starts in the background'],
  [
    'Language server start to first diagnostics of an open minutes file',
    ms(cold),
    `cold server (what activation with a minutes file open does); runs: ${list(activation.serverStartToFirstDiagnosticsMs)} ms`
  ],
  ['Opening a minutes file to its diagnostics, server running', ms(warm), `three files not opened before: ${list(activation.openToFirstDiagnosticsMs)} ms`],
  [
    'Keystroke to fresh diagnostics',
    `${ms(editToDiagnosticsMs.median, 1)} median`,
    `p90 ${ms(editToDiagnosticsMs.p90, 1)}; an edit inserting an unknown \`R99\` until its diagnostic appears, ${editToDiagnosticsMs.samples.length} runs`
  ],
  ["The extension's own extension-host time per keystroke in minutes", ms(own, 3), `${keystrokes.keystrokes} keystrokes typed with the \`type\` command; ${handlers}`],
  [
    'The whole extension host per keystroke in minutes (CPU)',
    ms(keystrokes.extensionHostCpuMsPerKeystroke, 2),
    "every extension together, VS Code's own Markdown features included"
  ],
  [
    "The extension's own extension-host time per keystroke in a register, 2,000-file workspace",
    ms(inRegister, 3),
    `${registerKeystrokes.keystrokes} keystrokes in a title of the corpus's register, until the views show it; ${describeHandlers(registerKeystrokes.handlers)}; ${registerKeystrokes.viewsRefreshes} refreshes of the views (the server's \`followthrough/didChange\` once edits settle), each answer ${registerKeystrokes.recommendationsAnswerKB} KB, ${registerKeystrokes.recommendationsParseMs} ms to parse`
  ],
  [
    'The whole extension host per keystroke in a register (CPU)',
    ms(registerKeystrokes.extensionHostCpuMsPerKeystroke, 2),
    'every extension together, YAML and JSON language features included'
  ],
  [
    'Refresh of the Recommendations view and status bar',
    ms(viewsRefreshMs, 1),
    'a `followthrough/recommendations` request and the view drawn again, after the server says its index changed'
  ],
  ['First refresh of the views after activation', ms(activation.firstViewsRefreshMs, 1), 'from `activate` to the first answer of the language server']
]
const goals = [
  ['First diagnostics under 1 s after opening a minutes file (server running)', ms(warm), warm < 1000],
  ['First diagnostics under 1 s from a cold server start', ms(cold), cold < 1000],
  ["Under 1 ms of the extension's own extension-host time per keystroke in minutes", ms(own, 3), own < 1],
  ["Under 1 ms of the extension's own extension-host time per keystroke in a register, 2,000-file workspace", ms(inRegister, 3), inRegister < 1]
]
const table = (head, body) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n')

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
const section = `## VS Code extension

Measured by \`npm run bench\` in \`apps/vscode\` on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.
The mocha suite measures inside the extension host of the VS Code that code-server 4.100.3 ships (VS Code 1.100.3), driven by headless Chromium on the same cores, on a multi-root workspace: a copy of \`examples/telford\` (47 recommendations, 11 minutes files) and a small second folder (\`test/fixtures/inspection\`); typing in a register, on one of the example and the CLI's generated corpus (2,000 minutes of about 5 KB, a register of 47). The extension is a thin client: the language server does the work, in its own process.

${table(['What', 'Time', 'Notes'], rows)}

### Goals (VS Code extension)

${table(
  ['Goal', 'Measured', 'Met'],
  goals.map(([goal, value, met]) => [goal, value, met ? 'yes' : 'no'])
)}
`

let existing = ''
try {
  existing = readFileSync(docs, 'utf8')
} catch {
  // No docs yet: they start with this section.
}
// The section is replaced where it stands (appended when the file has none).
const sections = existing
  .split(/^(?=## )/m)
  .map((part) => part.trimEnd())
  .filter(Boolean)
const at = sections.findIndex((part) => /^## VS Code extension\b/.test(part))
if (at >= 0) sections[at] = section.trimEnd()
else sections.push(section.trimEnd())
writeFileSync(docs, sections.join('\n\n') + '\n')
console.log(section)
console.log(`Wrote ${docs}`)
