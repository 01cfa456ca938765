import { parseArgs } from 'node:util'
import { isIsoDate } from '@followthrough/core/dates'
import { UsageError } from './io.js'

/** The commands the CLI knows. */
export const commands = ['lint', 'refs', 'progress', 'report', 'init', 'export', 'mcp', 'actions'] as const

/** A command of the CLI. */
export type Command = (typeof commands)[number]

/** Options every command understands. */
export interface CommonOptions {
  config?: string
  format?: string
  color?: boolean
}

/** What the command line asks for. */
export interface ParsedArgs {
  command: Command | 'help' | 'version'
  files: string[]
  config?: string
  format?: string
  asOf?: string
  maxWarnings?: number
  cache: boolean
  cacheLocation?: string
  register?: string
  workers?: number
  quiet: boolean
  fix: boolean
  /** actions: leave done actions out. */
  open: boolean
  out?: string
  /** init: the inquiry's id, title and publication date, and the report to draft the register from. */
  id?: string
  title?: string
  published?: string
  from?: string
}

/** Help text, printed by `followthrough --help`. */
export const helpText = `Usage: followthrough <command> [options] [files or globs...]

Commands:
  lint [files]      Check references, status updates and actions in minutes
  refs [files]      List the recommendation references found in minutes
  progress          Report progress of each register from the dated minutes
  report            Write a self-contained HTML progress report
  init              Start a workspace here: config, register and first minutes
                    (--from <report.md|.txt> drafts the register from the report)
  export            Write the tracker spreadsheet (.xlsx, or CSV with --format csv)
  mcp               Serve the workspace to AI assistants (Model Context Protocol over stdio, read-only)
  actions           List the actions agreed in the minutes, by owner, overdue first

Options:
  --config <path>         Use this config file instead of looking for followthrough.config.json
  --format <name>         lint: stylish (default), json, sarif, github or junit
                          refs: table (default) or json
                          progress: table (default), json or markdown
                          export: xlsx (default; csv when --out ends in .csv) or csv
                          actions: table (default) or json
  --as-of <YYYY-MM-DD>    progress, report, export, actions: as of this date (default: today)
  --register <id>         progress, report, export: only this register
  --out <path>            report: where to write the HTML (default: report.html)
                          export: where to write the tracker (default: tracker.xlsx or tracker.csv,
                          never replaced; a file named with --out is replaced)
  --max-warnings <n>      lint: exit 1 when there are more than n warnings
  --cache                 lint: keep results by content hash in node_modules/.cache/followthrough
  --cache-location <dir>  lint: keep the cache in this folder instead
  --workers <n>           lint: worker threads to use (default: automatic)
  --quiet                 lint: report errors only
  --fix                   lint: apply the fixes rules offer (reference-style), then report what is left
  --open                  actions: only open actions (leave done ones out)
  --id <id>               init: the inquiry's short id, as in iitcse:R12
  --title <text>          init: the inquiry's full title
  --published <date>      init: the day the report was published (YYYY-MM-DD)
  --from <file>           init: draft the register from the report's text (Markdown or plain text,
                          such as pdftotext output); prints what it found and what it could not place
  -h, --help              Show this help
  -v, --version           Show the version

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage or configuration error
(for init: a file it would write already exists; it never overwrites).
`

/**
 * Parse the command line. Throws {@link UsageError} for unknown options,
 * commands or malformed values, which the CLI reports with exit code 2.
 */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f' },
        'as-of': { type: 'string' },
        register: { type: 'string' },
        'max-warnings': { type: 'string' },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        workers: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        fix: { type: 'boolean', default: false },
        open: { type: 'boolean', default: false },
        out: { type: 'string', short: 'o' },
        id: { type: 'string' },
        title: { type: 'string' },
        published: { type: 'string' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false }
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''))
  }
  const { values, positionals } = parsed
  const [first, ...files] = positionals
  const command = values.help ? 'help' : values.version ? 'version' : first === undefined ? 'help' : first
  if (command !== 'help' && command !== 'version' && !(commands as readonly string[]).includes(command)) {
    throw new UsageError(`Unexpected command "${command}", expected one of ${commands.join(', ')} (see followthrough --help)`)
  }
  const result: ParsedArgs = {
    command: command as ParsedArgs['command'],
    files,
    cache: values.cache,
    quiet: values.quiet,
    fix: values.fix,
    open: values.open
  }
  if (values.config !== undefined) result.config = values.config
  if (values.format !== undefined) result.format = values.format
  if (values.register !== undefined) result.register = values.register
  if (values.out !== undefined) result.out = values.out
  if (values.id !== undefined) result.id = values.id
  if (values.title !== undefined) result.title = values.title
  if (values.published !== undefined) result.published = values.published
  if (values.from !== undefined) result.from = values.from
  if (values['cache-location'] !== undefined) result.cacheLocation = values['cache-location']
  if (values['as-of'] !== undefined) {
    if (!isIsoDate(values['as-of'])) throw new UsageError(`Unexpected --as-of "${values['as-of']}", expected a date as YYYY-MM-DD`)
    result.asOf = values['as-of']
  }
  if (values['max-warnings'] !== undefined) result.maxWarnings = wholeNumber('--max-warnings', values['max-warnings'], 0)
  if (values.workers !== undefined) result.workers = wholeNumber('--workers', values.workers, 0)
  return result
}

function wholeNumber(name: string, value: string, minimum: number): number {
  const number = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < minimum) {
    throw new UsageError(`Unexpected ${name} "${value}", expected a whole number of ${minimum} or more`)
  }
  return number
}

/** Check a `--format` value against those a command supports. */
export function formatOption(args: ParsedArgs, allowed: readonly string[], fallback: string): string {
  const format = args.format ?? fallback
  if (!allowed.includes(format)) {
    throw new UsageError(`Unexpected format "${format}" for ${args.command}, expected one of ${allowed.join(', ')}`)
  }
  return format
}
