import { helpText, parseCommandLine, type ParsedArgs } from './args.js'
import { UsageError, visibleOutput, type CliIo } from './io.js'
import { version } from './version.js'

export { version }

/**
 * Run the CLI: `main(['lint', 'minutes/*.md'], io)`. Resolves to the exit code
 * (0 clean, 1 lint errors or too many warnings, 2 usage or configuration error);
 * never throws for a user's mistake.
 *
 * Only the command line is parsed up front: a command's modules (the engine,
 * remark, YAML, the formatters) are loaded once it is known, so `--help`,
 * `--version` and a mistyped option answer without loading them.
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
      default: {
        const { runCommand } = await import('./commands.js')
        return await runCommand(args, io)
      }
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
