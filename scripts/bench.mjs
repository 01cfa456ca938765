// `npm run bench`: the CLI's benchmark and the language server's, one after
// the other in one run, then the goals of issue 10 side by side at the top of
// docs/benchmarks.md: the figure before the issue, the goal, what this run
// measured, met or not, and for a goal missed what the run shows it is made of.
// Each benchmark also writes its own section of the file (same run).
// Not a test: timings vary with the machine and its load, which is recorded
// beside each figure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const scratch = mkdtempSync(join(tmpdir(), 'followthrough-bench-'))
const docs = join(root, 'docs', 'benchmarks.md')

function run(label, script, args) {
  console.error(`\n== ${label}: node ${script} ${args.join(' ')} (load average ${loadavg()[0].toFixed(2)})`)
  const result = spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
  if (result.status !== 0) {
    console.error(`${label} exited ${result.status}`)
    process.exit(1)
  }
}

// `--quick`: a smaller corpus (300 files), to try the benchmark itself out.
const quick = process.argv.includes('--quick')
const cliJson = join(scratch, 'cli.json')
const serverJson = join(scratch, 'server.json')
run('CLI', 'packages/cli/bench/run.mjs', ['--json', cliJson, ...(quick ? ['--quick'] : [])])
run('Language server', 'packages/language-server/bench/run.mjs', ['--write', '--json', serverJson, ...(quick ? ['--files', '300'] : [])])

// The extension's sizes: its bundle as built, and the .vsix as `npm run package` makes it.
const extension = join(root, 'apps', 'vscode')
const vsix = join(scratch, 'followthrough-vscode.vsix')
const vsce = [join(extension, 'node_modules', '.bin', 'vsce'), join(root, 'node_modules', '.bin', 'vsce')].find((bin) => existsSync(bin))
if (!vsce) throw new Error('@vscode/vsce is missing: run npm ci first')
spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: extension, stdio: 'ignore' })
const kb = (file) => statSync(file).size / 1024
// The README's screenshots: every PNG the .vsix ships but the icon.
const shots = readdirSync(join(extension, 'images')).filter((name) => name.endsWith('.png') && name !== 'icon.png')
const screenshots = shots.reduce((sum, name) => sum + kb(join(extension, 'images', name)), 0)
const sizes = {
  extension: kb(join(extension, 'dist', 'extension.cjs')),
  client: languageClientKb(),
  server: kb(join(extension, 'dist', 'server.cjs')),
  vsix: kb(vsix),
  shots: shots.length,
  screenshots
}

/** What vscode-languageclient adds to the extension's bundle, from its metafile. */
function languageClientKb() {
  const meta = JSON.parse(readFileSync(join(extension, 'dist', 'metafile-cjs.json'), 'utf8'))
  let bytes = 0
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
      if (/node_modules\/vscode-(languageclient|languageserver-protocol|jsonrpc|languageserver-types)\//.test(input)) bytes += bytesInOutput
  }
  return bytes / 1024
}
/** The extension's own time per keystroke in a register, from the VS Code section `npm run bench` in apps/vscode wrote. */
const keystroke = /\| The extension's own extension-host time per keystroke in a register, 2,000-file workspace \| ([\d.]+) ms/.exec(readFileSync(docs, 'utf8'))?.[1]

const cli = JSON.parse(readFileSync(cliJson, 'utf8'))
const server = JSON.parse(readFileSync(serverJson, 'utf8'))

const f = cli.figures
const s = server.figures
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
const ms = (value) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`
const load = (result) => `load ${result.load.join('→')}`
const stylishOver = (f.cliDefault.ms - f.cliJson.ms) / f.cliJson.ms
const corpusRatio = f.mdl.ms / f.cliDefault.ms
const oneRatio = f.oneMdl.ms / f.oneOurs.ms
const edit100 = s['100 KB']
const edit1m = s['1 MB']

/** Rows: what, before the issue, goal, measured (with the load average), met, why not (from this run's figures). */
const rows = [
  [
    '`followthrough lint` (stylish, the default) vs `--format json`, corpus',
    '21.8 s vs 11.6 s',
    'stylish within 10% of JSON',
    `${seconds(f.cliDefault.ms)} vs ${seconds(f.cliJson.ms)} (${stylishOver >= 0 ? '+' : ''}${(stylishOver * 100).toFixed(1)}%); ${load(f.cliDefault)}`,
    stylishOver <= 0.1,
    `the two differ only in the formatter; ${(stylishOver * 100).toFixed(1)}% is within the spread of runs under this load (runs: ${f.cliDefault.runs.join(', ')} vs ${f.cliJson.runs.join(', ')} ms)`
  ],
  [
    'default `lint` vs markdownlint-cli2, corpus',
    '1.15x faster',
    'at least 1.5x, in the default format',
    `${corpusRatio.toFixed(2)}x (${seconds(f.cliDefault.ms)} vs ${seconds(f.mdl.ms)}); ${load(f.mdl)}`,
    corpusRatio >= 1.5,
    `parsing is most of the work: the engine's parse of the corpus alone takes ${seconds(f.engineParse)} in one thread (the one-thread lint ${seconds(f.cliSingle.ms)}), shared by ${cli.cores} cores with other work at load ${f.cliDefault.load.join('→')}`
  ],
  [
    'one 5 KB file vs markdownlint-cli2 (default format)',
    '379 vs 538 ms, 1.42x (`node -e 0` 117 ms)',
    'at least 2x',
    `${ms(f.oneOurs.ms)} vs ${ms(f.oneMdl.ms)}, ${oneRatio.toFixed(2)}x (\`node -e 0\` ${ms(f.nodeBare.ms)}); ${load(f.oneOurs)}`,
    oneRatio >= 2,
    `of ${ms(f.oneOurs.ms)}: Node starting ${ms(f.nodeBare.ms)}, the bin to \`--version\` ${ms(f.version.ms - f.nodeBare.ms)} more, loading the engine's modules, config and register (a run on an empty file) ${ms(f.oneEmpty.ms - f.version.ms)} more, analysing and printing the file ${ms(f.oneOurs.ms - f.oneEmpty.ms)}; 2x would need ${ms(f.oneMdl.ms / 2)} in all`
  ],
  [
    '`--help` and `--version`',
    'about 380 ms (the whole CLI loaded)',
    'under 150 ms',
    `${ms(f.help.ms)} and ${ms(f.version.ms)} (\`node -e 0\` ${ms(f.nodeBare.ms)}); ${load(f.help)}`,
    f.help.ms < 150 && f.version.ms < 150,
    `Node itself takes ${ms(f.nodeBare.ms)} under this load`
  ],
  [
    'language server: index 2,000 files',
    '11.8 s, peak 332 MB',
    'under 10 s and 300 MB',
    `${seconds(s.index)} (${s.indexCpu.toFixed(1)} s of CPU), peak ${s.indexPeak.toFixed(0)} MB; load ${s.indexLoad.toFixed(2)}`,
    s.index < 10_000 && s.indexPeak < 300,
    [
      s.index >= 10_000
        ? `indexing took ${seconds(s.index)} for ${s.indexCpu.toFixed(1)} s of CPU (the server and its worker threads, mostly micromark parsing every file): on ${cli.cores} cores with nothing else running that is about ${(s.indexCpu / cli.cores).toFixed(1)} s; the machine's load average was ${s.indexLoad.toFixed(1)}`
        : '',
      s.indexPeak >= 300 ? `peak ${s.indexPeak.toFixed(0)} MB: the analyses of every file, held by the server, and each worker thread's heap while it parses` : ''
    ]
      .filter(Boolean)
      .join('; ')
  ],
  [
    'language server: edit to diagnostics p90, 100 KB / 1 MB',
    '10 / 70 ms',
    '5 / 30 ms',
    `${ms(edit100.edit90)} / ${ms(edit1m.edit90)} (in-process service ${ms(edit100.service90)} / ${ms(edit1m.service90)}); load ${edit1m.load.toFixed(2)}`,
    edit100.edit90 < 5 && edit1m.edit90 < 30,
    `the service's own work is ${ms(edit100.service90)} / ${ms(edit1m.service90)} at p90; the rest is JSON-RPC and the ${edit100.diagnostics} / ${edit1m.diagnostics} diagnostics sent whole on each change`
  ],
  [
    'VS Code extension: `extension.cjs`',
    '(with the engine in the extension host)',
    'under 150 KB',
    `${sizes.extension.toFixed(0)} KB (minified), of which the LSP client (vscode-languageclient and the protocol, JSON-RPC and types it brings) ${sizes.client.toFixed(0)} KB`,
    sizes.extension < 150,
    `the bundle has no engine, remark, YAML or zod any more (test/bundle.test.ts); the LSP client every VS Code language extension uses is ${sizes.client.toFixed(0)} KB of it, so 150 KB would mean writing our own client`
  ],
  [
    'VS Code extension: the .vsix',
    '1.21 MB',
    'under 800 KB',
    `${sizes.vsix.toFixed(0)} KB; the language server bundle in it is ${sizes.server.toFixed(0)} KB before compression`,
    sizes.vsix < 800,
    `the .vsix carries the language server (the engine, remark, YAML and zod, once, in its own process) and the README's ${sizes.shots} screenshots (${sizes.screenshots.toFixed(0)} KB of PNG, which do not compress further)`
  ],
  [
    "VS Code extension: the extension's extension-host time per keystroke in a register, 2,000-file workspace",
    'a re-analysis of the workspace in the extension host on each pause',
    'under 1 ms',
    keystroke
      ? `${keystroke} ms (from the VS Code section below, \`npm run bench\` in apps/vscode, which drives a real VS Code)`
      : 'not measured: run `npm run bench` in apps/vscode',
    keystroke !== undefined && Number(keystroke) < 1,
    keystroke ? '' : 'the VS Code benchmark has not run on this machine'
  ]
]

const section = [
  '## Issue 10: the default path',
  '',
  `Measured by \`npm run bench\` (\`node scripts/bench.mjs\`: the CLI's benchmark, then the language server's, in one run) on ${new Date().toISOString().slice(0, 10)}: ${cli.machine}.`,
  `"Before" is what issue 10 measured before its changes. Figures are medians of several runs (CLI) or percentiles over many edits (language server), on the generated corpus (${cli.files} minutes, ${cli.megabytes.toFixed(1)} MB); the load average (1 minute, before→after a figure's runs) is beside each, since other work on the machine slows every figure. The sections below give every figure of the run.`,
  '',
  '| Path | Before | Goal | Measured | Met | Why not |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map(([what, before, goal, measured, met, why]) => `| ${what} | ${before} | ${goal} | ${measured} | ${met ? 'yes' : 'no'} | ${met ? '' : why} |`),
  ''
].join('\n')

// The benchmarks wrote their sections; put this one first, after the title and introduction.
const current = readFileSync(docs, 'utf8')
const without = current.replace(/## Issue 10: the default path\n[\s\S]*?(?=\n## |$)/, '').replace(/\n{3,}/g, '\n\n')
const firstSection = without.indexOf('\n## ')
const next = firstSection >= 0 ? `${without.slice(0, firstSection + 1)}${section}\n${without.slice(firstSection + 1)}` : `${without.trimEnd()}\n\n${section}`
writeFileSync(docs, next)
rmSync(scratch, { recursive: true, force: true })
console.log(`\n${section}\nWrote ${docs}`)
