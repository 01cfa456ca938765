import { readFileSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { computeProgress } from '@followthrough/core'
import {
  allFindings,
  allRules,
  applyFixes,
  dirname,
  minutesRecords,
  loadWorkspace,
  relativePath,
  resolvePath,
  type FileSystem,
  type Finding,
  type MinutesAnalysis,
  type Workspace
} from '@followthrough/engine'
import { nodeFileSystem } from '@followthrough/engine/node'
import { analyzeFiles } from './analyze.js'
import { formatOption, helpText, parseCommandLine, type ParsedArgs } from './args.js'
import { LintCache } from './cache.js'
import { formatGithub } from './formatters/github.js'
import { formatJson } from './formatters/json.js'
import { formatJunit } from './formatters/junit.js'
import { formatSarif } from './formatters/sarif.js'
import { formatStylish } from './formatters/stylish.js'
import { formatProgress } from './formatters/progress.js'
import { formatRefs } from './formatters/refs.js'
import { UsageError, useColor, visibleOutput, type CliIo } from './io.js'
import { computeWorkspaceProgress } from './progress.js'

/** The CLI's version, from its package.json. */
export const version: string = (() => {
  try {
    const url = new URL('../package.json', import.meta.url)
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
})()

/**
 * Run the CLI: `main(['lint', 'minutes/*.md'], io)`. Resolves to the exit code
 * (0 clean, 1 lint errors or too many warnings, 2 usage or configuration error);
 * never throws for a user's mistake.
 */
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  // Messages on stderr quote file names and config values: show their control characters, never obey them.
  const io: CliIo = { ...given, stderr: visibleOutput(given.stderr) }
  let args: ParsedArgs
  try {
    args = parseCommandLine(argv)
  } catch (error) {
    return usageFailure(error, io)
  }
  try {
    switch (args.command) {
      case 'help':
        io.stdout.write(helpText)
        return 0
      case 'version':
        io.stdout.write(`${version}\n`)
        return 0
      case 'lint':
        return await lint(args, io)
      case 'refs':
        return await refs(args, io)
      case 'progress':
        return await progress(args, io)
      case 'report':
        return await report(args, io)
    }
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(error, io)
    // Not the user's doing: say so plainly, with the detail needed for a bug report.
    io.stderr.write(`followthrough: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return 2
  }
}

function usageFailure(error: unknown, io: CliIo): number {
  io.stderr.write(`followthrough: ${error instanceof Error ? error.message : String(error)}\n`)
  return 2
}

interface Opened {
  fs: FileSystem
  workspace: Workspace
}

async function open(args: ParsedArgs, io: CliIo): Promise<Opened> {
  const fs = io.fs ?? nodeFileSystem
  const workspace = await loadWorkspace(fs, io.cwd, args.config !== undefined ? { configPath: args.config } : {})
  return { fs, workspace }
}

/** Print the config and register problems that stop a run, and give exit code 2. */
function brokenWorkspace(workspace: Workspace, io: CliIo, format: string): number {
  io.stdout.write(render(workspace.findings, format, io, []))
  io.stderr.write('followthrough: fix the configuration and registers above first\n')
  return 2
}

/** The `lint --format` values. */
const lintFormats = ['stylish', 'json', 'sarif', 'github', 'junit']

function render(findings: readonly Finding[], format: string, io: CliIo, files: readonly string[]): string {
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
      return formatStylish(findings, { cwd: io.cwd, color: useColor(io.stdout, io.env), files })
  }
}

const globCharacters = /[*?[\]{}!]/

/** The minutes to check: those named on the command line, else the configured globs. */
async function minutesPaths(fs: FileSystem, workspace: Workspace, args: ParsedArgs, io: CliIo): Promise<string[]> {
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

function openCache(workspace: Workspace, args: ParsedArgs): LintCache | undefined {
  if (!args.cache) return undefined
  return LintCache.open(args.cacheLocation ?? join(workspace.config.root, 'node_modules', '.cache', 'followthrough'), workspace, version)
}

async function analyze(
  fs: FileSystem,
  workspace: Workspace,
  paths: string[],
  args: ParsedArgs,
  cache: LintCache | undefined = openCache(workspace, args),
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

/** Every finding of a lint run; from the cache when nothing changed since the last run. */
async function lintFindings(fs: FileSystem, workspace: Workspace, paths: string[], args: ParsedArgs): Promise<Finding[]> {
  const cache = openCache(workspace, args)
  if (!cache) return allFindings(workspace, await analyze(fs, workspace, paths, args))
  const digests = await cache.digests(fs, paths)
  const key = cache.runKey(paths, digests)
  const remembered = await cache.readRun(key)
  if (remembered) return remembered
  const findings = allFindings(workspace, await analyze(fs, workspace, paths, args, cache, digests))
  await cache.writeRun(key, findings)
  return findings
}

async function lint(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(args, lintFormats, 'stylish')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return brokenWorkspace(workspace, io, format)
  const paths = await minutesPaths(fs, workspace, args, io)
  let findings = await lintFindings(fs, workspace, paths, args)
  if (args.fix && (await fix(findings, io))) findings = await lintFindings(fs, workspace, paths, args)
  if (args.quiet) findings = findings.filter((finding) => finding.severity === 'error')
  io.stdout.write(render(findings, format, io, paths))
  const errors = findings.filter((finding) => finding.severity === 'error').length
  const warnings = findings.filter((finding) => finding.severity === 'warning').length
  if (errors > 0) return 1
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr.write(`followthrough: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`)
    return 1
  }
  return 0
}

async function refs(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(args, ['table', 'json'], 'table')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return brokenWorkspace(workspace, io, format === 'json' ? 'json' : 'stylish')
  const paths = await minutesPaths(fs, workspace, args, io)
  const analyses = await analyze(fs, workspace, paths, args)
  io.stdout.write(formatRefs(analyses, { cwd: io.cwd, format }))
  return 0
}

async function progress(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = formatOption(args, ['table', 'json', 'markdown'], 'table')
  if (args.files.length > 0) throw new UsageError('Unexpected files for progress, expected none: it reports on the configured minutes')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return brokenWorkspace(workspace, io, format === 'json' ? 'json' : 'stylish')
  const paths = await minutesPaths(fs, workspace, args, io)
  const analyses = await analyze(fs, workspace, paths, args)
  const asOf = asOfDate(args, io)
  const reports = computeWorkspaceProgress(workspace, analyses, asOf, args.register, io.cwd)
  io.stdout.write(formatProgress(reports, { format, cwd: io.cwd, color: useColor(io.stdout, io.env) }))
  return 0
}

/**
 * Apply the fixes findings carry, file by file: each file is written
 * atomically (a temporary file, then rename) and only when a fix changes it.
 * Says what changed on stderr, so `--format json` output stays clean.
 *
 * @returns whether any file changed.
 */
async function fix(findings: readonly Finding[], io: CliIo): Promise<boolean> {
  if (io.fs !== undefined && io.fs !== nodeFileSystem) throw new UsageError('--fix writes files on disk and cannot be used with an in-memory file system')
  const byFile = new Map<string, Array<NonNullable<Finding['fix']>>>()
  for (const finding of findings) {
    if (!finding.fix) continue
    const list = byFile.get(finding.file)
    if (list) list.push(finding.fix)
    else byFile.set(finding.file, [finding.fix])
  }
  let changed = false
  for (const [file, fixes] of byFile) {
    const before = readFileSync(file, 'utf8')
    const after = applyFixes(before, fixes)
    if (after.applied === 0 || after.text === before) continue
    const temporary = `${file}.${process.pid}.tmp`
    await writeFile(temporary, after.text)
    await rename(temporary, file)
    changed = true
    io.stderr.write(`followthrough: fixed ${after.applied} problem${after.applied === 1 ? '' : 's'} in ${relativePath(io.cwd, file)}\n`)
  }
  return changed
}

function asOfDate(args: ParsedArgs, io: CliIo): string {
  return args.asOf ?? io.today ?? new Date().toISOString().slice(0, 10)
}

async function report(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.files.length > 0) throw new UsageError('Unexpected files for report, expected none: it reports on the configured minutes')
  const { fs, workspace } = await open(args, io)
  if (workspace.broken) return brokenWorkspace(workspace, io, 'stylish')
  const paths = await minutesPaths(fs, workspace, args, io)
  const analyses = await analyze(fs, workspace, paths, args)
  const asOf = asOfDate(args, io)
  const out = resolvePath(io.cwd, args.out ?? 'report.html')
  // Links in the report are relative to where it is written, so it works from disk.
  const near = (source: string) => relativePath(dirname(out), source)
  const minutes = minutesRecords(analyses).map((record) => ({
    ...record,
    source: near(record.source),
    updates: (record.updates ?? []).map((update) => (update.source !== undefined ? { ...update, source: near(update.source) } : update))
  }))
  const registers = workspace.context.registers.filter((register) => args.register === undefined || register.inquiry.id === args.register)
  if (registers.length === 0) {
    throw new UsageError(`Unexpected register "${args.register ?? ''}", expected one of ${workspace.context.registers.map((register) => register.inquiry.id).join(', ')}`)
  }
  // A chunk of its own: the charting library is loaded only when a report is written.
  const { renderReport } = await import('@followthrough/report')
  const html = renderReport({
    reports: registers.map((register) => ({ register, progress: computeProgress({ register, minutes, asOf }), minutes })),
    generatedAt: asOf
  })
  await mkdir(dirname(out), { recursive: true })
  const temporary = `${out}.${process.pid}.tmp`
  await writeFile(temporary, html)
  await rename(temporary, out)
  io.stdout.write(`Wrote ${relativePath(io.cwd, out)}\n`)
  return 0
}
