// `npm run bench`: the CLI against markdownlint-cli2 on a generated corpus of
// minutes, with every figure measured in the same run on the same machine.
// Writes the results to docs/benchmarks.md. Not a test: timings vary.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { parseRegister } from '@followthrough/core'
import { parseMinutes } from '@followthrough/engine'
import { remarkRecommendations } from '@followthrough/remark-recommendations'
import { writeCorpus } from './corpus.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..', '..')
const corpus = join(here, '.corpus')
const bin = join(here, '..', 'bin', 'followthrough.js')
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs')
const quick = process.argv.includes('--quick')
const files = quick ? 300 : 2000
// `--json <path>`: the figures as JSON too, for the root `npm run bench` (scripts/bench.mjs).
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Run a command `runs` times; the median wall time in ms, the largest peak RSS in MB, and the load average (1 min) before and after. */
function time(command, args, { runs = 3, before } = {}) {
  const load = [loadavg()[0]]
  const walls = []
  let rss = 0
  let status
  for (let run = 0; run < runs; run++) {
    before?.()
    const start = performance.now()
    const result = spawnSync(command, args, { cwd: corpus, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
    walls.push(performance.now() - start)
    status = result.status
    const match = /followthrough-bench-maxrss (\d+)/.exec(result.stderr ?? '')
    if (match) rss = Math.max(rss, Number(match[1]) / 1024)
    if (result.error) throw result.error
  }
  load.push(loadavg()[0])
  return { ms: median(walls), runs: walls.map((wall) => Math.round(wall)), rss, status, load: load.map((value) => Number(value.toFixed(2))) }
}

const node = process.execPath
const ours = (...args) => [node, ['--import', join(here, 'rss.mjs'), bin, ...args]]

console.log(`Generating ${files} minutes of about 5 KB, one of 100 KB and one of 1 MB...`)
const layout = writeCorpus(corpus, { files, size: 4300 })
const minutesFolder = join(corpus, 'minutes')
const names = readdirSync(minutesFolder).sort()
const texts = names.map((name) => readFileSync(join(minutesFolder, name), 'utf8'))
const megabytes = layout.bytes / 1e6
console.log(`${names.length} files, ${megabytes.toFixed(1)} MB (average ${(layout.bytes / names.length / 1000).toFixed(1)} KB)`)
// Outside the configured minutes: a run on it costs what a run costs before any analysis.
mkdirSync(join(corpus, 'other'), { recursive: true })
writeFileSync(join(corpus, 'other', 'empty.md'), '')

// 1. Bare parsing with the remark plugins users would run, and the plugin on parsed trees.
const register = parseRegister(readFileSync(join(corpus, 'recommendations.yaml'), 'utf8')).value
const gfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
const plugin = unified().use(remarkRecommendations, { registers: [register] })
function inProcess(label, work) {
  work() // warm up
  const rounds = []
  for (let round = 0; round < 3; round++) {
    const start = performance.now()
    work()
    rounds.push(performance.now() - start)
  }
  return median(rounds)
}
const bareParse = inProcess('bare', () => {
  for (const text of texts) gfm.parse(text)
})
const trees = texts.map((text) => gfm.parse(text))
const extraction = inProcess('extract', () => {
  trees.forEach((tree, index) => plugin.runSync(tree, new VFile({ path: names[index], value: texts[index] })))
})
const engineParse = inProcess('engine parse', () => {
  for (const text of texts) parseMinutes(text)
})
trees.length = 0

// 2. The CLI end to end against markdownlint-cli2 with its default rules:
// the default format (stylish) as users run it, and JSON.
const cliDefault = time(...ours('lint'))
const cliCold = time(...ours('lint', '--format', 'json'))
const cliSingle = time(...ours('lint', '--format', 'json', '--workers', '0'))
const mdl = time(node, [markdownlint, 'minutes/**/*.md'])

// 3. The cache: a cold run fills it, a warm run reads it.
const cacheFolder = join(corpus, 'node_modules', '.cache', 'followthrough')
const cacheCold = time(...ours('lint', '--format', 'json', '--cache'), { before: () => rmSync(cacheFolder, { recursive: true, force: true }) })
time(...ours('lint', '--format', 'json', '--cache'), { runs: 1 })
const cacheWarm = time(...ours('lint', '--format', 'json', '--cache'), { runs: 5 })

// 4. One small file, as an editor's save hook or a pre-commit run would, in
// the default format; and what such a run is made of: Node starting, the
// bin answering --help or --version, a run on an empty file (modules,
// config and register loaded, nothing to analyse).
const small = 'minutes/0000.md'
const oneOurs = time(node, [bin, 'lint', small], { runs: 11 })
const oneMdl = time(node, [markdownlint, small], { runs: 11 })
const nodeBare = time(node, ['-e', '0'], { runs: 11 })
const help = time(node, [bin, '--help'], { runs: 11 })
const versionRun = time(node, [bin, '--version'], { runs: 11 })
const oneEmpty = time(node, [bin, 'lint', 'other/empty.md'], { runs: 11 })

// 5. The large documents.
const large100k = time(...ours('lint', '--format', 'json', 'large/100k.md'), { runs: 3 })
const large1m = time(...ours('lint', '--format', 'json', 'large/1m.md'), { runs: 3 })

const ratio = (a, b) => a / b
/** A row's note, with the load average (1 min) before and after its runs: other work on the machine shows. */
const loaded = (result, note) => [note, `load ${result.load.join('→')}`].filter(Boolean).join(', ')
const rows = [
  ['Bare parsing (remark-parse + remark-gfm + remark-frontmatter)', `${bareParse.toFixed(0)} ms`, `${(megabytes / (bareParse / 1000)).toFixed(2)} MB/s`],
  ["The engine's parse (tables only where a table is)", `${engineParse.toFixed(0)} ms`, `${(megabytes / (engineParse / 1000)).toFixed(2)} MB/s`],
  ['Extraction and checks on parsed trees', `${extraction.toFixed(0)} ms`, `${((extraction / bareParse) * 100).toFixed(1)}% of bare parsing`],
  ['followthrough lint, corpus (default format: stylish)', `${cliDefault.ms.toFixed(0)} ms`, loaded(cliDefault, `peak ${cliDefault.rss.toFixed(0)} MB`)],
  ['followthrough lint --format json, corpus (automatic workers)', `${cliCold.ms.toFixed(0)} ms`, loaded(cliCold, `peak ${cliCold.rss.toFixed(0)} MB`)],
  ['followthrough lint, corpus (one thread)', `${cliSingle.ms.toFixed(0)} ms`, loaded(cliSingle, `peak ${cliSingle.rss.toFixed(0)} MB`)],
  ['markdownlint-cli2, corpus, default rules', `${mdl.ms.toFixed(0)} ms`, loaded(mdl, '')],
  ['followthrough lint --cache, cold', `${cacheCold.ms.toFixed(0)} ms`, loaded(cacheCold, '')],
  ['followthrough lint --cache, warm', `${cacheWarm.ms.toFixed(0)} ms`, loaded(cacheWarm, `peak ${cacheWarm.rss.toFixed(0)} MB`)],
  [`followthrough lint, one ${(statSync(join(corpus, small)).size / 1000).toFixed(1)} KB file`, `${oneOurs.ms.toFixed(0)} ms`, loaded(oneOurs, '')],
  ['markdownlint-cli2, the same file', `${oneMdl.ms.toFixed(0)} ms`, loaded(oneMdl, '')],
  ['followthrough lint, an empty file (start-up, modules, config and register)', `${oneEmpty.ms.toFixed(0)} ms`, loaded(oneEmpty, '')],
  ['followthrough --help', `${help.ms.toFixed(0)} ms`, loaded(help, '')],
  ['followthrough --version', `${versionRun.ms.toFixed(0)} ms`, loaded(versionRun, '')],
  ['node -e 0 (Node starting, for scale)', `${nodeBare.ms.toFixed(0)} ms`, loaded(nodeBare, '')],
  ['followthrough lint, 100 KB document', `${large100k.ms.toFixed(0)} ms`, loaded(large100k, '')],
  ['followthrough lint, 1 MB document', `${large1m.ms.toFixed(0)} ms`, loaded(large1m, `peak ${large1m.rss.toFixed(0)} MB`)]
]
const goals = [
  ['Extraction and checks at most 5% over bare parsing', `${((extraction / bareParse) * 100).toFixed(1)}%`, extraction / bareParse <= 0.05],
  ['Default lint (stylish) within 10% of --format json on the corpus', `${(((cliDefault.ms - cliCold.ms) / cliCold.ms) * 100).toFixed(1)}%`, cliDefault.ms <= cliCold.ms * 1.1],
  ['Default lint on the corpus at least 1.5x faster than markdownlint-cli2', `${ratio(mdl.ms, cliDefault.ms).toFixed(2)}x`, mdl.ms / cliDefault.ms >= 1.5],
  ['Warm cache at least 20x faster than cold', `${ratio(cacheCold.ms, cacheWarm.ms).toFixed(1)}x`, cacheCold.ms / cacheWarm.ms >= 20],
  ['One small file at least 2x faster than markdownlint-cli2 (default format)', `${ratio(oneMdl.ms, oneOurs.ms).toFixed(2)}x`, oneMdl.ms / oneOurs.ms >= 2],
  ['--help and --version under 150 ms', `${help.ms.toFixed(0)} ms, ${versionRun.ms.toFixed(0)} ms`, help.ms < 150 && versionRun.ms < 150],
  ['Peak memory on the corpus under 300 MB', `${cliCold.rss.toFixed(0)} MB`, cliCold.rss < 300]
]

const table = (header, body) => [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n')
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
const report = `# Benchmarks

Measured by \`node packages/cli/bench/run.mjs\` (run by the root \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}: ${machine}.
The corpus is generated (${names.length} minutes, ${megabytes.toFixed(1)} MB, about ${(layout.bytes / names.length / 1000).toFixed(1)} KB each, plus one 100 KB and one 1 MB document), so every figure comes from the same run.
Wall times are medians of several runs of the real bin; peak memory is the process's maximum resident set, worker threads included.

## CLI

${table(['What', 'Time', 'Notes'], rows)}

## Goals

${table(
  ['Goal', 'Measured', 'Met'],
  goals.map(([goal, value, met]) => [goal, value, met ? 'yes' : 'no'])
)}
`
mkdirSync(join(root, 'docs'), { recursive: true })
const docs = join(root, 'docs', 'benchmarks.md')
let existing = ''
try {
  existing = readFileSync(docs, 'utf8')
} catch {
  // No report yet: this run writes the first.
}
// Keep sections other benchmarks wrote (the language server's).
const others = existing.split(/^(?=## )/m).filter((section) => section.startsWith('## ') && !/^## (CLI|Goals)\b/.test(section))
writeFileSync(docs, [report.trimEnd(), ...others.map((section) => section.trimEnd())].join('\n\n') + '\n')
console.log(
  `\n${table(['What', 'Time', 'Notes'], rows)}\n\n${table(
    ['Goal', 'Measured', 'Met'],
    goals.map(([goal, value, met]) => [goal, value, met ? 'yes' : 'no'])
  )}\n\nWrote ${docs}`
)
if (jsonOut) {
  const figures = {
    bareParse,
    engineParse,
    cliDefault,
    cliJson: cliCold,
    cliSingle,
    mdl,
    cacheCold,
    cacheWarm,
    oneOurs,
    oneMdl,
    oneEmpty,
    help,
    version: versionRun,
    nodeBare,
    large100k,
    large1m
  }
  writeFileSync(jsonOut, JSON.stringify({ machine, cores: availableParallelism(), files: names.length, megabytes, figures }, null, 2))
}
if (quick) rmSync(corpus, { recursive: true, force: true })
