/**
 * The commands of the CLI, loaded by {@link main} only once the command line
 * asks for one: `--help`, `--version` and a usage error never load the
 * engine, remark or the YAML and schema libraries.
 */
import { computeProgress } from '@followthrough/core'
import {
  allRules,
  compareFindings,
  dirname,
  fixFile,
  joinPath,
  minutesActions,
  minutesFindings,
  minutesRecords,
  loadWorkspace,
  normalizePath,
  relativePath,
  resolvePath,
  WriteError,
  writeFileAtomically,
  type Finding,
  type MinutesAnalysis,
  type WritableFileSystem,
  type Workspace
} from '@followthrough/engine'
import { nodeFileSystem } from '@followthrough/engine/node'
import { analyzeFiles } from './analyze.js'
import { formatOption, type ParsedArgs } from './args.js'
import { LintCache } from './cache.js'
import { formatGithub } from './formatters/github.js'
import { formatJson } from './formatters/json.js'
import { formatJunit } from './formatters/junit.js'
import { formatSarif } from './formatters/sarif.js'
import { formatStylish } from './formatters/stylish.js'
import { formatProgress } from './formatters/progress.js'
import { formatRefs } from './formatters/refs.js'
import { formatActions } from './formatters/actions.js'
import { UsageError, useColor, type CliIo } from './io.js'
import { computeWorkspaceProgress, selectedRegisters } from './progress.js'
import { version } from './version.js'

/** Run a parsed command (not `help` or `version`, which {@link main} answers itself). */
export async function runCommand(args: ParsedArgs, given: CliIo): Promise<number> {
  // The working folder as the engine spells paths (Windows' `C:\Users\x` becomes `C:/Users/x`), so globs and relative names agree.
  const io: CliIo = { ...given, cwd: normalizePath(given.cwd) }
  switch (args.command) {
    case 'lint':
      return await lint(args, io)
    case 'refs':
      return await refs(args, io)
    case 'progress':
      return await progress(args, io)
    case 'report':
      return await report(args, io)
    case 'init': {
      const { init } = await import('./init.js')
      return await init(args, io)
    }
    case 'export':
      return await exportTracker(args, io)
    case 'mcp':
      return await mcp(args, io)
    case 'actions':
      return await actions(args, io)
    default:
      throw new Error(`Unexpected command "${args.command}" for runCommand`)
  }
}

interface Opened {
  fs: WritableFileSystem
  workspace: Workspace
}

async function open(args: ParsedArgs, io: CliIo): Promise<Opened> {
  const fs = io.fs ?? nodeFileSystem
  const workspace = await loadWorkspace(fs, io.cwd, args.config !== undefined ? { configPath: args.config } : {})
  return { fs, workspace }
}

/** Print the config and register problems that stop a run, and give exit code 2. */
async function brokenWorkspace(workspace: Workspace, io: CliIo, format: string): Promise<number> {
  io.stdout.write(await render(workspace.findings, format, io, []))
  io.stderr.write('followthrough: fix the configuration and registers above first\n')
  return 2
}

/** The `lint --format` values. */
const lintFormats = ['stylish', 'json', 'sarif', 'github', 'junit']

async function render(findings: readonly Finding[], format: string, io: CliIo, files: readonly string[]): Promise<string> {
  switch (format) {
    case 'json':
      return formatJson(findings, { cwd: io.cwd })
    case 'sarif':
      return formatSarif(findings, { cwd: io.cwd, rules: allRules, version })
    case 'github':
      return formatGithub(findings, { cwd: io.cwd })
    case 'junit':
      return formatJunit(findings, { cwd: io.cwd, files })
    default:
      return await formatStylish(findings, { cwd: io.cwd, color: useColor(io.stdout, io.env), files })
  }
}

const globCharacters = /[*?[\]{}!]/

/** The minutes to check: those named on the command line, else the configured globs. */
async function minutesPaths(fs: WritableFileSystem, workspace: Workspace, args: ParsedArgs, io: CliIo): Promise<string[]> {
  if (args.files.length === 0) {
    const found = await fs.glob(workspace.config.config.minutes, workspace.config.root)
    if (found.length === 0) {
      const where = relativePath(io.cwd, workspace.config.root) || '.'
      throw new UsageError(`No minutes match ${workspace.config.config.minutes.join(', ')} in ${where}`)
    }
    return found
  }
  const paths = new Set<string>()
  for (const pattern of args.files) {
    if (globCharacters.test(pattern)) {
      const found = await fs.glob([pattern], io.cwd)
      if (found.length === 0) throw new UsageError(`No files match ${pattern}`)
      for (const path of found) paths.add(path)
    } else {
      const path = resolvePath(io.cwd, pattern)
      if (!(await fs.exists(path))) throw new UsageError(`No such file: ${pattern}`)
      paths.add(path)
    }
  }
  return [...paths].sort()
}

/**
 * The cache of a run, when `--cache` asks for one (one per run, so a cache
 * that cannot be written is reported once).
 */
function openCache(fs: WritableFileSystem, workspace: Workspace, args: ParsedArgs, io: CliIo): LintCache | undefined {
  if (!args.cache) return undefined
  const folder = args.cacheLocation !== undefined ? resolvePath(io.cwd, args.cacheLocation) : joinPath(workspace.config.root, 'node_modules', '.cache', 'followthrough')
  return LintCache.open(fs, folder, workspace, version, (reason) => {
    io.stderr.write(`followthrough: cannot write the cache in ${relativePath(io.cwd, folder)}: ${reason}; linting without it\n`)
  })
}

async function analyze(
  fs: WritableFileSystem,
  workspace: Workspace,
  paths: string[],
  args: ParsedArgs,
  cache: LintCache | undefined,
  digests?: ReadonlyArray<string | undefined>
): Promise<MinutesAnalysis[]> {
  const analyses = await analyzeFiles(fs, workspace, paths, {
    disk: fs === nodeFileSystem,
    ...(args.workers !== undefined ? { workers: args.workers } : {}),
    ...(cache ? { cache } : {}),
    ...(digests ? { digests } : {})
  })
  await cache?.save()
  return analyses
}

/** The findings of a lint run, and the digest of the bytes each file's findings were computed from. */
interface Linted {
  findings: Finding[]
  digests: Map<string, string | undefined>
}

/**
 * Every finding of a lint run; the minutes' from the cache when nothing
 * changed since the last run, the config's and registers' always afresh.
 */
async function lintFindings(fs: WritableFileSystem, workspace: Workspace, paths: string[], args: ParsedArgs, cache: LintCache | undefined): Promise<Linted> {
  const linted = (minutes: readonly Finding[], digests: ReadonlyArray<string | undefined>): Linted => ({
    findings: [...workspace.findings, ...minutes].sort(compareFindings),
    digests: new Map(paths.map((path, index) => [path, digests[index]]))
  })
  if (!cache) {
    const analyses = await analyze(fs, workspace, paths, args, undefined)
    return linted(
      minutesFindings(workspace, analyses),
      analyses.map((analysis) => analysis.digest)
    )
  }
  const digests = await cache.digests(paths)
  const key = cache.runKey(paths, digests)
  const remembered = await cache.readRun(key)
  if (remembered) return linted(remembered, digests)
  const analyses = await analyze(fs, workspace, paths, args, cache, digests)
  const findings = minutesFindings(workspace, analyses)
  // Only a run whose every file was read, as it was when the key was made, is remembered.
  if (analyses.every((analysis, index) => analysis.digest !== undefined && analysis.digest === digests[index])) await cache.writeRun(key, findings)
  return linted(
    findings,
    analyses.map((analysis) => analysis.digest)
  )
}

async function lint(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(args, lintFormats, 'stylish')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return await brokenWorkspace(workspace, io, format)
  const paths = await minutesPaths(fs, workspace, args, io)
  const cache = openCache(fs, workspace, args, io)
  const checked = await lintFindings(fs, workspace, paths, args, cache)
  let findings = checked.findings
  let unfixed = false
  if (args.fix) {
    const fixed = await fix(fs, workspace, findings, checked.digests, io)
    unfixed = fixed.failed
    if (fixed.changed) findings = (await lintFindings(fs, workspace, paths, args, cache)).findings
  }
  if (args.quiet) findings = findings.filter((finding) => finding.severity === 'error')
  io.stdout.write(await render(findings, format, io, paths))
  const errors = findings.filter((finding) => finding.severity === 'error').length
  const warnings = findings.filter((finding) => finding.severity === 'warning').length
  if (errors > 0 || unfixed) return 1
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr.write(`followthrough: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`)
    return 1
  }
  return 0
}

async function refs(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(args, ['table', 'json'], 'table')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return await brokenWorkspace(workspace, io, format === 'json' ? 'json' : 'stylish')
  const analyses = await analyzeConfigured(fs, workspace, args, io)
  io.stdout.write(formatRefs(analyses, { cwd: io.cwd, format }))
  return 0
}

async function progress(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(args, ['table', 'json', 'markdown'], 'table')
  if (args.files.length > 0) throw new UsageError('Unexpected files for progress, expected none: it reports on the configured minutes')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return await brokenWorkspace(workspace, io, format === 'json' ? 'json' : 'stylish')
  const analyses = await analyzeConfigured(fs, workspace, args, io)
  const asOf = asOfDate(args, io)
  const reports = computeWorkspaceProgress(workspace, analyses, asOf, args.register, io.cwd)
  io.stdout.write(formatProgress(reports, { format, cwd: io.cwd, color: useColor(io.stdout, io.env), registers: workspace.context.registers }))
  return 0
}

/**
 * List every action of the configured minutes (the engine's `minutesActions`:
 * the due dates every door shows, "the next meeting" resolved over the whole
 * workspace), files relative to the working folder.
 */
async function actions(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(args, ['table', 'json'], 'table')
  if (args.files.length > 0) throw new UsageError('Unexpected files for actions, expected none: it lists the actions of the configured minutes')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return await brokenWorkspace(workspace, io, format === 'json' ? 'json' : 'stylish')
  const analyses = await analyzeConfigured(fs, workspace, args, io)
  const asOf = asOfDate(args, io)
  const list = minutesActions(analyses, asOf, { name: (path) => relativePath(io.cwd, path) })
  io.stdout.write(formatActions(list, { format, asOf, open: args.open }))
  return 0
}

/**
 * Apply the fixes findings carry, file by file, with the engine's `fixFile`:
 * a file is written only while its bytes are those the findings were computed
 * from, atomically, keeping its mode, through a symbolic link, never outside
 * the workspace; read-only and hard-linked files are left alone. One line on
 * stderr per file (so `--format json` output stays clean); a file that cannot
 * be written does not stop the others.
 *
 * @returns whether any file changed, and whether a write failed.
 */
async function fix(
  fs: WritableFileSystem,
  workspace: Workspace,
  findings: readonly Finding[],
  digests: ReadonlyMap<string, string | undefined>,
  io: CliIo
): Promise<{ changed: boolean; failed: boolean }> {
  const byFile = new Map<string, Array<NonNullable<Finding['fix']>>>()
  for (const finding of findings) {
    if (!finding.fix) continue
    const list = byFile.get(finding.file)
    if (list) list.push(finding.fix)
    else byFile.set(finding.file, [finding.fix])
  }
  let changed = false
  let failed = false
  for (const [file, fixes] of byFile) {
    const outcome = await fixFile(fs, file, fixes, { digest: digests.get(file), root: workspace.config.root })
    const name = relativePath(io.cwd, file)
    if (outcome.status === 'fixed') {
      changed = true
      io.stderr.write(`followthrough: fixed ${outcome.applied} problem${outcome.applied === 1 ? '' : 's'} in ${name}\n`)
    } else if (outcome.status !== 'unchanged') {
      failed ||= outcome.status === 'failed'
      io.stderr.write(`followthrough: ${outcome.status === 'failed' ? 'cannot fix' : 'not fixing'} ${name}: ${outcome.reason}\n`)
    }
  }
  return { changed, failed }
}

/** Every configured minutes file (or the files named), analysed through the cache when asked: what refs, progress, actions, report and export read. */
async function analyzeConfigured(fs: WritableFileSystem, workspace: Workspace, args: ParsedArgs, io: CliIo): Promise<MinutesAnalysis[]> {
  return await analyze(fs, workspace, await minutesPaths(fs, workspace, args, io), args, openCache(fs, workspace, args, io))
}

function asOfDate(args: ParsedArgs, io: CliIo): string {
  return args.asOf ?? io.today ?? new Date().toISOString().slice(0, 10)
}

async function report(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.files.length > 0) throw new UsageError('Unexpected files for report, expected none: it reports on the configured minutes')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return await brokenWorkspace(workspace, io, 'stylish')
  const analyses = await analyzeConfigured(fs, workspace, args, io)
  const asOf = asOfDate(args, io)
  const out = resolvePath(io.cwd, args.out ?? 'report.html')
  // Links in the report are relative to where it is written, so it works from disk.
  const near = (source: string) => relativePath(dirname(out), source)
  const minutes = minutesRecords(analyses).map((record) => ({
    ...record,
    source: near(record.source),
    updates: (record.updates ?? []).map((update) => (update.source !== undefined ? { ...update, source: near(update.source) } : update))
  }))
  const registers = selectedRegisters(workspace, args.register)
  // A chunk of its own: the charting library is loaded only when a report is written.
  const { renderReport } = await import('@followthrough/report')
  const html = renderReport({
    reports: registers.map((register) => ({ register, progress: computeProgress({ register, minutes, asOf }), minutes })),
    actions: minutesActions(analyses, asOf, { name: near }),
    generatedAt: asOf
  })
  return await writeOutput(fs, out, new TextEncoder().encode(html), io)
}

/** Write a file the user asked for (temporary file, then rename) and say so; a failed write is one line and exit code 2. */
async function writeOutput(fs: WritableFileSystem, out: string, bytes: Uint8Array, io: CliIo): Promise<number> {
  try {
    await writeFileAtomically(fs, out, bytes, { createFolder: true })
  } catch (error) {
    if (!(error instanceof WriteError)) throw error
    io.stderr.write(`followthrough: cannot write ${relativePath(io.cwd, out)}: ${error.reason}\n`)
    return 2
  }
  io.stdout.write(`Wrote ${relativePath(io.cwd, out)}\n`)
  return 0
}

/**
 * Serve the workspace over stdio to an MCP client until it closes the
 * connection. The server (and the SDK) load only for this command. stdout
 * carries protocol messages only, so nothing else is written there.
 */
async function mcp(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.files.length > 0) throw new UsageError('Unexpected files for mcp, expected none: it serves the configured registers and minutes')
  const { serveStdio } = await import('@followthrough/mcp')
  const today = io.today
  await serveStdio(
    {
      fs: io.fs ?? nodeFileSystem,
      cwd: io.cwd,
      ...(args.config !== undefined ? { configPath: resolvePath(io.cwd, args.config) } : {}),
      ...(today !== undefined ? { today: () => today } : {})
    },
    io.stdio?.input ?? process.stdin,
    io.stdio?.output ?? process.stdout
  )
  return 0
}

/**
 * Write the tracker spreadsheet: one row per recommendation, one sheet per
 * register, plus the open actions; or the recommendations as CSV. The default
 * file is never replaced (exit 2 when it exists); a file named with `--out` is,
 * atomically, because the user asked for it.
 */
async function exportTracker(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.files.length > 0) throw new UsageError('Unexpected files for export, expected none: it exports the configured registers and minutes')
  const format = formatOption(args, ['xlsx', 'csv'], args.out !== undefined && /\.csv$/i.test(args.out) ? 'csv' : 'xlsx')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return await brokenWorkspace(workspace, io, 'stylish')
  const out = resolvePath(io.cwd, args.out ?? `tracker.${format}`)
  if (args.out === undefined && (await fs.exists(out))) {
    throw new UsageError(`Unexpected existing ${relativePath(io.cwd, out)}, expected a new file: name it with --out to replace it`)
  }
  const registers = selectedRegisters(workspace, args.register)
  const analyses = await analyzeConfigured(fs, workspace, args, io)
  const asOf = asOfDate(args, io)
  const root = workspace.config.root
  const input = {
    registers,
    minutes: minutesRecords(analyses).map((record) => ({ ...record, source: relativePath(root, record.source) })),
    actions: minutesActions(analyses, asOf, { name: (path) => relativePath(root, path) }),
    asOf
  }
  // Its own chunk: exceljs loads only when a tracker is written.
  const { trackerCsv, trackerWorkbook } = await import('./export.js')
  const bytes = format === 'csv' ? await trackerCsv(input) : await trackerWorkbook(input)
  return await writeOutput(fs, out, bytes, io)
}
