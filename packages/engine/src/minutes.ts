import type { Config, Register } from '@followthrough/core'
import remarkRecommendations, { type MinutesData } from '@followthrough/remark-recommendations'
import type { Root } from 'mdast'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import { findingFromMessage, type Finding } from './finding.js'
import { parseMinutes } from './parse-minutes.js'
import { referenceStyleFindings } from './reference-style.js'

/**
 * What the engine keeps of one minutes file: plain data, never the syntax tree
 * (a tree costs about twelve times its source), so thousands of files fit in
 * memory and results can be cached as JSON.
 */
export interface MinutesAnalysis {
  /** Absolute path of the minutes file. */
  path: string
  /** References, meeting, status updates and actions found by the remark plugin. */
  data: MinutesData
  /** The plugin's findings for this file. */
  findings: Finding[]
}

/** What minutes are checked against. */
export interface MinutesContext {
  registers: readonly Register[]
  config: Config
}

const processors = new WeakMap<MinutesContext, Processor<undefined, Root, Root>>()

/**
 * The checks the CLI and the language server share: the recommendations
 * plugin, run on a tree from {@link parseMinutes}.
 */
export function minutesProcessor(context: MinutesContext): Processor<undefined, Root, Root> {
  let processor = processors.get(context)
  if (!processor) {
    processor = unified()
      .use(remarkRecommendations, {
        registers: [...context.registers],
        prefix: context.config.prefix,
        keywords: context.config.keywords,
        rules: context.config.rules
      })
      .freeze() as unknown as Processor<undefined, Root, Root>
    processors.set(context, processor)
  }
  return processor
}

/** An empty result, for files that could not be read. */
export function emptyMinutesData(): MinutesData {
  return { references: [], updates: [], actions: [] }
}

/**
 * Parse and check one minutes file. Never throws: an internal failure becomes
 * an `internal-error` finding on the file, so one bad file cannot stop a run.
 */
export function analyzeMinutes(text: string, path: string, context: MinutesContext): MinutesAnalysis {
  const file = new VFile({ path, value: text })
  try {
    const processor = minutesProcessor(context)
    processor.runSync(parseMinutes(text), file)
  } catch (error) {
    return {
      path,
      data: emptyMinutesData(),
      findings: [
        {
          file: path,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
          ruleId: 'internal-error',
          message: `Unexpected failure while checking this file (${error instanceof Error ? error.message : String(error)}), expected none: please report it`
        }
      ]
    }
  }
  const data = file.data.followthrough ?? emptyMinutesData()
  return {
    path,
    data,
    findings: [...file.messages.map((message) => findingFromMessage(message, path)), ...referenceStyleFindings(data.references, path, context.config)]
  }
}
