// `npm run bench -w @followthrough/language-service -- complexity`: Markdown
// shapes micromark parses in quadratic time, each at the size issue 9 measured
// and at four times that, through the three ways minutes are analysed:
//
//   engine   the engine's analyzeMinutes, which the CLI runs per file;
//   cli      the real `followthrough lint --format json` bin on a workspace holding the file;
//   service  the language service: open the document, diagnostics, one edit, diagnostics.
//
// Each run is a child process with a time limit, so a regression shows as
// TIMEOUT instead of a hung benchmark. Prints a Markdown table. Not a test:
// timings vary with the machine and its load (tests check the findings).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MemoryFileSystem, analyzeMinutes, loadWorkspace } from '@followthrough/engine'
import { createLanguageService } from '@followthrough/language-service'
import { TextDocument } from 'vscode-languageserver-textdocument'

const here = dirname(fileURLToPath(import.meta.url))
const bin = join(here, '..', '..', 'cli', 'bin', 'followthrough.js')

const frontMatter = '---\nmeeting: accountability\ndate: 2023-04-17\ntitle: Meeting\nchair: John Campion\nattendees: [Pippa Mills]\n---\n\n'
const register = `inquiry:\n  id: iitcse\n  title: Telford inquiry\n  published: 2022-07-12\nowners:\n  - id: council\n    name: Telford & Wrekin Council\nrecommendations:\n${Array.from({ length: 20 }, (_, index) => `  - id: R${index + 1}\n    title: Recommendation ${index + 1}\n    owners: [council]`).join('\n')}\n`
const config = JSON.stringify({ registers: ['recommendations.yaml'], minutes: ['minutes/**/*.md'] })

/** Each shape at a scale `n` (1 is the size issue 9 measured), with a reference in it. */
const shapes = {
  '`*a ` around a reference (30 KB)': (n) => '*a '.repeat(5000 * n) + 'Recommendation 12 ' + '*a '.repeat(5000 * n),
  '`*a ` … `a*` nested emphasis (30 KB)': (n) => '*a '.repeat(5000 * n) + 'Recommendation 12' + ' a*'.repeat(5000 * n),
  '`[` × 10,000': (n) => '['.repeat(5000 * n) + ' R12 ' + '['.repeat(5000 * n),
  '`]` × 10,000': (n) => ']'.repeat(5000 * n) + ' R12 ' + ']'.repeat(5000 * n),
  'table of 10,000 columns': (n) => `${'| a '.repeat(10_000 * n)}|\n${'| - '.repeat(10_000 * n)}|\n| R12 ${'| x '.repeat(10_000 * n - 1)}|\n`,
  '`> ` × 10,000': (n) => '> '.repeat(10_000 * n) + 'Recommendation 12',
  '`- ` × 10,000': (n) => '- '.repeat(10_000 * n) + 'Recommendation 12',
  '`*` × 10,000 around a reference': (n) => '*'.repeat(10_000 * n) + 'R12' + '*'.repeat(10_000 * n),
  'list item + 10,000 lazy lines': (n) => '- Council to act on R1\n' + 'and R12\n'.repeat(10_000 * n),
  'paragraph of 20,000 lines with `&`': (n) => 'a & b\n'.repeat(20_000 * n) + 'R12',
  'a 15 KB document of `*a `': (n) => '*a '.repeat(2500 * n) + 'R12 ' + '*a '.repeat(2500 * n)
}

async function engine(text) {
  const workspace = await loadWorkspace(new MemoryFileSystem({ '/w/followthrough.config.json': config, '/w/recommendations.yaml': register }), '/w')
  const start = performance.now()
  const analysis = analyzeMinutes(text, '/w/minutes/a.md', workspace.context)
  return { ms: performance.now() - start, references: analysis.data.references.length, guarded: analysis.findings.filter((finding) => finding.ruleId === 'too-complex').length }
}

function cli(text) {
  const folder = mkdtempSync(join(tmpdir(), 'followthrough-complexity-'))
  try {
    mkdirSync(join(folder, 'minutes'))
    writeFileSync(join(folder, 'followthrough.config.json'), config)
    writeFileSync(join(folder, 'recommendations.yaml'), register)
    writeFileSync(join(folder, 'minutes', 'a.md'), text)
    const start = performance.now()
    const run = spawnSync(process.execPath, [bin, 'lint', '--format', 'json'], { cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    const ms = performance.now() - start
    const findings = JSON.parse(run.stdout || '[]')
    return { ms, references: Number.NaN, guarded: findings.filter((finding) => finding.ruleId === 'too-complex').length }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

async function service(text) {
  const fs = new MemoryFileSystem({ '/w/followthrough.config.json': config, '/w/recommendations.yaml': register, '/w/minutes/a.md': text })
  const workspace = { folders: ['/w'], readFile: (path) => fs.readFile(path), exists: (path) => fs.exists(path), glob: (patterns, cwd) => fs.glob(patterns, cwd) }
  const languageService = createLanguageService({ workspace })
  await languageService.ready()
  const start = performance.now()
  const uri = 'file:///w/minutes/a.md'
  const opened = TextDocument.create(uri, 'markdown', 1, text)
  await languageService.didOpen(opened)
  await languageService.getDiagnostics(opened)
  // One character typed in the middle, as an editor sends it.
  const middle = Math.floor(text.length / 2)
  const edited = TextDocument.create(uri, 'markdown', 2, text.slice(0, middle) + ' ' + text.slice(middle))
  await languageService.didChange(edited)
  const diagnostics = await languageService.getDiagnostics(edited)
  const ms = performance.now() - start
  languageService.dispose()
  return { ms, references: Number.NaN, guarded: diagnostics.filter((diagnostic) => diagnostic.code === 'too-complex').length }
}

const paths = { engine, cli, service }
const argv = process.argv.slice(2)

if (argv[0] === '--one') {
  const [, name, scale, path] = argv
  const result = await paths[path](frontMatter + shapes[name](Number(scale)) + '\n')
  process.stdout.write(JSON.stringify(result))
} else {
  const limit = Number(process.env.FOLLOWTHROUGH_BENCH_LIMIT_MS) || 120_000
  console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${loadavg()[0].toFixed(1)}; limit ${limit / 1000} s per run\n`)
  console.log('| shape | size | engine | cli (whole run) | service (open + edit) | too-complex |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
  for (const name of Object.keys(shapes)) {
    for (const scale of [1, 4]) {
      const cells = []
      let guarded = '?'
      for (const path of Object.keys(paths)) {
        const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', name, String(scale), path], { encoding: 'utf8', timeout: limit })
        if (run.error) cells.push('TIMEOUT')
        else if (run.status !== 0) cells.push(`failed (${run.stderr.trim().split('\n').at(-1)})`)
        else {
          const result = JSON.parse(run.stdout)
          cells.push(`${Math.round(result.ms)} ms`)
          guarded = String(result.guarded)
        }
      }
      const bytes = Buffer.byteLength(shapes[name](scale))
      console.log(`| ${name} | ${scale}× (${Math.round(bytes / 1000)} KB) | ${cells.join(' | ')} | ${guarded} |`)
    }
  }
}
