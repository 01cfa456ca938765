import { assurances, compareIds, IsoDateSchema, nearest, statuses, type Progress, type Register, type RecommendationSummary } from '@followthrough/core'
import { minutesActions, recommendationDiscussions, type Discussion, type MinutesAction } from '@followthrough/engine'
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import * as z from 'zod'
import { readResource, registerResources, minutesResources } from './resources.js'
import { chooseRegisters, findingsOf, progressOf, readText, summariesOf, takeSnapshot, ToolInputError, type McpServerOptions, type Snapshot } from './snapshot.js'
import { version } from './version.js'

const registerInput = z.string().min(1).optional().describe('The register id (its `inquiry.id`), when several are configured; all registers by default.')
const asOfInput = IsoDateSchema.optional().describe('The day to report on (YYYY-MM-DD); today by default.')
const idInput = z.string().min(1).max(100).describe('A recommendation id such as `R12`, or qualified with its register such as `iitcse:R12`.')

/** Every tool only reads: MCP clients may run them without asking. */
const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false }

/**
 * A Model Context Protocol server over a Followthrough workspace, read-only:
 * tools to list and look up recommendations, progress, references, lint
 * findings and actions; the registers and minutes as resources. Every answer
 * comes from the engine (the same figures as the CLI, the report and the
 * editor). Connect it to a transport (`server.connect(transport)`); see
 * {@link serveStdio} for stdio.
 *
 * Input is validated against each tool's zod schema by the SDK; a bad value or
 * an unknown id is a tool error (`isError: true`) with one line saying what was
 * expected, never a crash of the server.
 */
export function createMcpServer(options: McpServerOptions): McpServer {
  const server = new McpServer(
    { name: 'followthrough', title: 'Followthrough', version },
    {
      instructions:
        'Followthrough tracks whether the recommendations of public inquiries are followed through. Registers list the recommendations (YAML or JSON); dated Markdown minutes discuss them. Start with list_recommendations or progress; get_recommendation gives one recommendation with its history and every discussion. Everything is read-only.'
    }
  )
  server.registerTool(
    'list_recommendations',
    {
      description:
        "List recommendations with their status, owners, due date (and the current one when it moved, with each revision and its reason), the owner's response, how far the current status is assured (claimed, evidenced, verified) with its evidence, and when they were last discussed, as of a date. Filters combine (all must hold).",
      inputSchema: {
        register: registerInput,
        owner: z.string().min(1).optional().describe("An owner's id or name (case-insensitive)."),
        status: z.enum(statuses).optional().describe('Only recommendations with this status on the as-of date.'),
        theme: z.string().min(1).optional().describe('Only recommendations with this theme (case-insensitive).'),
        overdue: z.boolean().optional().describe('true: only open recommendations past their due date; false: only the others.'),
        assurance: z
          .enum([...assurances, 'not-recorded'])
          .optional()
          .describe('Only recommendations whose current status is assured this far (the record that set it says claimed, evidenced or verified; not-recorded: it does not say).'),
        asOf: asOfInput
      },
      annotations: readOnly
    },
    (input) =>
      answer(options, (snapshot) => {
        const asOf = input.asOf ?? snapshot.today
        const registers = chooseRegisters(snapshot, input.register)
        const rows: Array<{ register: string } & RecommendationSummary> = []
        for (const register of registers) {
          const owner = input.owner !== undefined ? ownerIds(register, input.owner) : undefined
          for (const summary of summariesOf(snapshot, register, asOf)) {
            if (owner && !summary.owners.some((id) => owner.has(id))) continue
            if (input.status !== undefined && summary.status !== input.status) continue
            if (input.theme !== undefined && !summary.themes.some((theme) => theme.toLowerCase() === input.theme?.toLowerCase())) continue
            if (input.overdue !== undefined && summary.overdue !== input.overdue) continue
            if (input.assurance !== undefined && (summary.assurance ?? 'not-recorded') !== input.assurance) continue
            // The wording is get_recommendation's: a list stays short.
            const row: { register: string } & RecommendationSummary = { register: register.inquiry.id, ...summary }
            delete row.text
            rows.push(row)
          }
        }
        checkFilters(registers, input)
        return { asOf, count: rows.length, recommendations: rows }
      })
  )

  server.registerTool(
    'get_recommendation',
    {
      description:
        "One recommendation: its wording, owners, status and since when, how far that status is assured (assurance, evidence, by), the owner's response, due date (the current one and each revision with its reason when it moved) and days overdue, when and how often it was discussed, its register history, and every discussion in the minutes with file, line and the sentence.",
      inputSchema: { id: idInput, register: registerInput, asOf: asOfInput },
      annotations: readOnly
    },
    (input) =>
      answer(options, async (snapshot) => {
        const asOf = input.asOf ?? snapshot.today
        const { register, id } = findRecommendation(snapshot, input.id, input.register)
        const recommendation = register.recommendations.find((candidate) => candidate.id === id)
        const summary = summariesOf(snapshot, register, asOf).find((candidate) => candidate.id === id)
        return {
          register: { id: register.inquiry.id, title: register.inquiry.title },
          asOf,
          ...summary,
          history: recommendation?.history ?? [],
          discussions: await discussions(snapshot, options, register, id)
        }
      })
  )

  server.registerTool(
    'progress',
    {
      description:
        'Progress of each register as of a date: counts by status, owner and theme, implemented ratio, overdue and due soon, responses (by decision, awaiting, overdue), status by assurance and the assurance gap, slippage of due dates, staleness, burn-up and forecast (the figures of `followthrough progress` and the HTML report).',
      inputSchema: { register: registerInput, asOf: asOfInput },
      annotations: readOnly
    },
    (input) =>
      answer(options, (snapshot) => {
        const asOf = input.asOf ?? snapshot.today
        // The coverage matrix (meetings × recommendations) is left out: large, and get_recommendation says the same per recommendation.
        return chooseRegisters(snapshot, input.register).map((register) => {
          const progress: Partial<Progress> = progressOf(snapshot, register, asOf)
          delete progress.coverage
          return progress
        })
      })
  )

  server.registerTool(
    'find_references',
    {
      description: 'Every reference to a recommendation in the dated minutes, oldest first, with file, line, column and the sentence it is in.',
      inputSchema: { id: idInput, register: registerInput },
      annotations: readOnly
    },
    (input) =>
      answer(options, async (snapshot) => {
        const { register, id } = findRecommendation(snapshot, input.id, input.register)
        const found = await discussions(snapshot, options, register, id)
        return { register: register.inquiry.id, id, count: found.length, references: found }
      })
  )

  server.registerTool(
    'lint',
    {
      description:
        'Check the workspace as `followthrough lint` does: the config, the registers and every configured minutes file, with the workspace rules. Gives each finding with file, line, column, severity, rule and message.',
      inputSchema: {
        files: z.array(z.string().min(1)).max(1000).optional().describe('Only findings in these files (relative to the workspace folder); all by default.')
      },
      annotations: readOnly
    },
    (input) =>
      answer(options, (snapshot) => {
        const wanted = input.files?.map((file) => file.replaceAll('\\', '/').replace(/^\.\//, ''))
        const known = new Set([
          ...snapshot.analyses.map((analysis) => snapshot.display(analysis.path)),
          ...snapshot.workspace.registers.map((entry) => snapshot.display(entry.path))
        ])
        for (const file of wanted ?? []) {
          if (!known.has(file))
            throw new ToolInputError(`Unexpected file "${file}", expected a register or a configured minutes file such as ${[...known][0] ?? 'minutes/2024-01-17.md'}`)
        }
        const findings = findingsOf(snapshot)
          .map((finding) => ({ ...finding, file: snapshot.display(finding.file) }))
          .filter((finding) => wanted === undefined || wanted.includes(finding.file))
          .map(({ file, line, column, endLine, endColumn, severity, ruleId, message, suggestions }) => ({
            file,
            line,
            column,
            endLine,
            endColumn,
            severity,
            ruleId,
            message,
            ...(suggestions ? { suggestions } : {})
          }))
        return {
          errors: findings.filter((finding) => finding.severity === 'error').length,
          warnings: findings.filter((finding) => finding.severity === 'warning').length,
          findings,
          summary:
            findings.length === 0
              ? 'No problems.'
              : findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.message} (${finding.ruleId})`).join('\n')
        }
      })
  )

  server.registerTool(
    'actions',
    {
      description:
        'Actions agreed in the minutes (task-list items and ACTION: lines), as the linter reads them: file, line, column, text, owner, due date and where it comes from (date, month, next-meeting), done or open, overdue, the recommendations they name (references) and the meeting date. Open ones by default.',
      inputSchema: {
        state: z.enum(['open', 'done', 'all']).default('open').describe('open (default), done or all.'),
        owner: z.string().min(1).optional().describe('Only actions whose owner contains this (case-insensitive).'),
        id: z.string().min(1).max(100).optional().describe('Only actions naming this recommendation, such as `R12`.'),
        overdue: z.boolean().optional().describe('true: only open actions past their due date on the as-of date.'),
        asOf: asOfInput
      },
      annotations: readOnly
    },
    (input) =>
      answer(options, (snapshot) => {
        const asOf = input.asOf ?? snapshot.today
        const found = openActions(snapshot, asOf).filter(
          (action) =>
            (input.state === 'all' || (input.state === 'done') === action.done) &&
            (input.owner === undefined || (action.owner?.toLowerCase().includes(input.owner.toLowerCase()) ?? false)) &&
            (input.id === undefined || action.references.includes(input.id)) &&
            (input.overdue === undefined || action.overdue === input.overdue)
        )
        return { asOf, count: found.length, actions: found }
      })
  )

  server.registerResource(
    'register',
    new ResourceTemplate('followthrough://register/{id}', { list: async () => ({ resources: await registerResources(options) }) }),
    { description: 'A register of recommendations, as the file says it (YAML or JSON).' },
    async (uri) => readResource(options, uri.href)
  )
  server.registerResource(
    'minutes',
    new ResourceTemplate('followthrough://minutes/{path}', { list: async () => ({ resources: await minutesResources(options) }) }),
    { description: 'A minutes file (Markdown with YAML front matter), one of those the config names.', mimeType: 'text/markdown' },
    async (uri) => readResource(options, uri.href)
  )
  return server
}

/** Run a tool on a fresh snapshot: its answer as JSON, or a tool error for the caller's mistake. */
async function answer(options: McpServerOptions, run: (snapshot: Snapshot) => unknown): Promise<CallToolResult> {
  try {
    return json(await run(await takeSnapshot(options)))
  } catch (error) {
    if (error instanceof ToolInputError) return { isError: true, content: [{ type: 'text', text: error.message }] }
    throw error
  }
}

function json(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }] }
}

/** The owner ids an `owner` filter names: by id or by name, case-insensitive. */
function ownerIds(register: Register, owner: string): Set<string> {
  const wanted = owner.toLowerCase()
  return new Set(register.owners.filter((entry) => entry.id.toLowerCase() === wanted || entry.name.toLowerCase() === wanted).map((entry) => entry.id))
}

/** A filter value no register knows is a mistake worth saying, with what is known. */
function checkFilters(registers: readonly Register[], input: { owner?: string | undefined; theme?: string | undefined }): void {
  if (input.owner !== undefined && registers.every((register) => ownerIds(register, input.owner ?? '').size === 0)) {
    const known = registers.flatMap((register) => register.owners.map((owner) => owner.id))
    throw new ToolInputError(`Unexpected owner "${input.owner}", expected an owner's id or name such as ${known.slice(0, 5).join(', ')}`)
  }
  if (input.theme !== undefined) {
    const themes = new Set(registers.flatMap((register) => register.recommendations.flatMap((recommendation) => recommendation.themes ?? [])))
    if (![...themes].some((theme) => theme.toLowerCase() === input.theme?.toLowerCase())) {
      throw new ToolInputError(`Unexpected theme "${input.theme}", expected one of ${[...themes].sort().join(', ') || '(the register has no themes)'}`)
    }
  }
}

/** The register and id a (possibly qualified) id names; unknown or ambiguous ones are the caller's mistake, with suggestions. */
function findRecommendation(snapshot: Snapshot, given: string, registerId: string | undefined): { register: Register; id: string } {
  const qualified = /^([a-z0-9][a-z0-9-]*):(.+)$/.exec(given)
  const id = qualified?.[2] ?? given
  const registers = chooseRegisters(snapshot, registerId ?? qualified?.[1])
  const holders = registers.filter((register) => register.recommendations.some((recommendation) => recommendation.id === id))
  const [holder] = holders
  if (holders.length > 1) {
    throw new ToolInputError(`Unexpected ambiguous id "${id}", expected a register too: ${holders.map((register) => `${register.inquiry.id}:${id}`).join(' or ')}`)
  }
  if (!holder) {
    const ids = registers.flatMap((register) => register.recommendations.map((recommendation) => recommendation.id)).sort(compareIds)
    const close = nearest(id, ids, { max: 3 })
    throw new ToolInputError(
      `Unexpected recommendation "${given}", expected an id of the register${close.length > 0 ? ` such as ${close.join(', ')}` : ''} (list_recommendations lists them)`
    )
  }
  return { register: holder, id }
}

/** Every discussion of a recommendation, the sentence cut from each file's text. */
async function discussions(snapshot: Snapshot, options: McpServerOptions, register: Register, id: string): Promise<Array<Omit<Discussion, 'file'> & { file: string }>> {
  const texts = new Map<string, string | undefined>()
  for (const analysis of snapshot.analyses) {
    if (analysis.data.references.some((reference) => reference.id === id)) texts.set(analysis.path, await readText(options.fs, analysis.path, snapshot.root))
  }
  return recommendationDiscussions(snapshot.analyses, register.inquiry.id, id, (path) => texts.get(path)).map((found) => ({ ...found, file: snapshot.display(found.file) }))
}

/**
 * An action as the tools give it: the engine's (core's `ActionItem` with the
 * meeting's date), its file relative to the workspace.
 */
export type ActionView = MinutesAction

/**
 * Every action of the minutes dated on or before `asOf` (undated minutes too: an
 * action is still an action), oldest first, with "the next meeting" resolved
 * as every door resolves it.
 */
export function openActions(snapshot: Snapshot, asOf: string): ActionView[] {
  return minutesActions(snapshot.analyses, asOf, { name: (path) => snapshot.display(path) })
}
