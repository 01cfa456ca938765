import type { Config, Register } from '@followthrough/core'
import remarkRecommendations, { type MinutesData } from '@followthrough/remark-recommendations'
import type { Root } from 'mdast'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import { findingFromMessage, type Finding } from './finding.js'
import { parseMinutes } from './parse-minutes.js'
import { referenceStyleFindings } from './reference-style.js'
import { referenceGrammar, referenceSchemes } from './schemes.js'

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
  /** The digest of the bytes analysed (`contentDigest`), when they were read from a file. */
  digest?: string
}

/** What minutes are checked against. */
export interface MinutesContext {
  registers: readonly Register[]
  config: Config
}

/** What a workspace's minutes files are read and checked against (see `readMinutes`). */
export interface WorkspaceContext extends MinutesContext {
  /** The workspace folder (the config's): files outside it are never read. */
  root: string
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
        ...referenceGrammar(context.registers, context.config),
        rules: context.config.rules
      })
      .freeze()
    processors.set(context, processor)
  }
  return processor
}

/** An empty result, for files that could not be read. */
export function emptyMinutesData(): MinutesData {
  return { references: [], updates: [], actions: [] }
}

/**
 * Run the plugin over a parsed tree (the whole file, or some of its top-level
 * blocks when an editor re-checks only what an edit touched): its data and
 * findings, or the error it failed with.
 */
export function checkTree(tree: Root, text: string, path: string, context: MinutesContext): { data: MinutesData; findings: Finding[] } | Error {
  const file = new VFile({ path, value: text })
  try {
    minutesProcessor(context).runSync(tree, file)
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
  return { data: file.data.followthrough ?? emptyMinutesData(), findings: file.messages.map((message) => findingFromMessage(message, path)) }
}

/**
 * The engine's own rules over a whole file's references (`reference-style`
 * today), added after the plugin's findings by every caller.
 */
export function fileRuleFindings(references: MinutesData['references'], path: string, context: MinutesContext): Finding[] {
  return referenceStyleFindings(references, path, context.config, referenceSchemes(context.registers, context.config))
}

/** The finding for a file the checks failed on: reported, never thrown. */
export function internalError(path: string, error: unknown): Finding {
  return {
    file: path,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    ruleId: 'internal-error',
    message: `Unexpected failure while checking this file (${error instanceof Error ? error.message : String(error)}), expected none: please report it`
  }
}

/**
 * Parse and check one minutes file. Never throws: an internal failure becomes
 * an `internal-error` finding on the file, so one bad file cannot stop a run.
 */
export function analyzeMinutes(source: string, path: string, context: MinutesContext): MinutesAnalysis {
  const text = parseableText(source)
  let checked: { data: MinutesData; findings: Finding[] } | Error
  try {
    checked = checkTree(parseMinutes(text), text, path, context)
  } catch (error) {
    checked = error instanceof Error ? error : new Error(String(error))
  }
  if (checked instanceof Error) return { path, data: emptyMinutesData(), findings: [internalError(path, checked)] }
  return { path, data: checked.data, findings: [...checked.findings, ...fileRuleFindings(checked.data.references, path, context)] }
}

/**
 * The text as the parser reads it, with positions that stay those of the
 * file: each NUL becomes U+FFFD, as CommonMark asks (micromark does so while
 * parsing, but the checks would then read the text with NUL); and a U+FEFF
 * left at the start (a second byte order mark: the file's first one is gone
 * already) becomes U+FFFD too, since micromark would skip it as a byte order
 * mark and every position after it would be off by one. One code unit for one,
 * so offsets stay those of the file.
 */
export function parseableText(text: string): string {
  const clean = text.includes('\0') ? text.replaceAll('\0', '\uFFFD') : text
  return clean.charCodeAt(0) === 0xfeff ? `\uFFFD${clean.slice(1)}` : clean
}
