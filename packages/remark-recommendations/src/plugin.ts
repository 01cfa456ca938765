import { nearest, type Assurance, type ResponseDecision, type Severity, type Status } from '@followthrough/core'
import type { Heading, Nodes, Paragraph, Root, Table, TableCell } from 'mdast'
import type { Plugin } from 'unified'
import type { VFile } from 'vfile'
import { isActionLine, nextMeetingHeading, readAction } from './actions.js'
import { reportFindings, type Finding } from './findings.js'
import { Flattener } from './flatten.js'
import { attempt } from './internal-error.js'
import { readFrontMatter, type FrontMatter } from './meeting.js'
import { plainText } from './plain-text.js'
import { lineIndex, type LineIndex, type SourceSpan } from './positions.js'
import { compileGrammar, type GrammarOptions, type InvalidRange, type ReferenceScanner, type ReferenceScheme, type ScannedReference } from './references.js'
import { extent, indexRegisters, orList, suggestIds, supersession, type RegisterIndex } from './registers.js'
import { resolveSeverities, type RuleId } from './rules.js'
import { findMeetingDate, readDueCell } from './due-dates.js'
import { readEvidence } from './evidence.js'
import { readAssurance, readResponse, readStatus, statusColumns, unknownStatusReason, unknownWordReason, type StatusColumns } from './status-updates.js'
import type { FoundAction, FoundReference, FoundStatusUpdate, MinutesData, Options } from './types.js'
import { isObject, itemsOf } from './unknown.js'

/** Everything that depends only on the options, built once per plugin instance. */
interface Settings {
  scanner: ReferenceScanner
  // Reused from file to file: transformers run synchronously, one file at a time.
  flattener: Flattener
  index: RegisterIndex
  severities: Readonly<Record<RuleId, Severity>>
  register?: string
}

function prepare(options: Options | null | undefined): Settings {
  const given: Options = options !== null && typeof options === 'object' ? options : {}
  const grammar: GrammarOptions = {}
  if (typeof given.prefix === 'string' && given.prefix.length > 0) grammar.prefix = given.prefix
  if (Array.isArray(given.keywords)) grammar.keywords = given.keywords.filter((word) => typeof word === 'string')
  const schemes = usableSchemes(given.schemes)
  if (schemes.length > 0) grammar.schemes = schemes
  const settings: Settings = {
    scanner: compileGrammar(grammar),
    flattener: new Flattener(),
    index: indexRegisters(given.registers),
    severities: resolveSeverities(given.rules)
  }
  if (typeof given.register === 'string' && given.register.length > 0) settings.register = given.register
  return settings
}

/** The schemes of the options that have a prefix, with their keywords that are text (options may come from an unchecked config). */
function usableSchemes(schemes: unknown): ReferenceScheme[] {
  const usable: ReferenceScheme[] = []
  for (const scheme of itemsOf(schemes)) {
    if (!isObject(scheme) || typeof scheme.prefix !== 'string' || scheme.prefix.length === 0) continue
    usable.push({ prefix: scheme.prefix, keywords: itemsOf(scheme.keywords).filter((word) => typeof word === 'string') })
  }
  return usable
}

/**
 * A unified plugin that reads minutes: references to recommendations, status
 * update tables, actions and the front matter, with exact positions in the
 * source. Use it after `remark-parse`, `remark-frontmatter` (with `['yaml']`)
 * and `remark-gfm`. Results go on `file.data.followthrough` ({@link MinutesData});
 * problems are vfile messages with a rule id, source `followthrough` and a URL.
 * It never throws on any input.
 *
 * @example
 * const processor = unified()
 *   .use(remarkParse)
 *   .use(remarkFrontmatter, ['yaml'])
 *   .use(remarkGfm)
 *   .use(remarkRecommendations, { registers: [register] })
 * const file = new VFile({ path: 'minutes.md', value: text })
 * await processor.run(processor.parse(file), file)
 * file.data.followthrough?.references // [{ id: 'R12', register: 'iitcse', … }]
 */
export const remarkRecommendations: Plugin<[(Options | null | undefined)?], Root> = function (options) {
  const settings = prepare(options)
  return function (tree: Root, file: VFile): undefined {
    extract(tree, file, settings)
    return undefined
  }
}

/** Read one parsed file. Split from the plugin so the walk is plain code that tests can follow. */
function extract(tree: Root, file: VFile, settings: Settings): void {
  const data: MinutesData = { references: [], updates: [], actions: [] }
  file.data.followthrough = data
  const findings: Finding[] = []
  const source = attempt(findings, 'reading the file', undefined, () => String(file), '')
  const lines = lineIndex(source)
  // Each block is read under its own guard; this one keeps a bug between blocks from escaping.
  attempt(
    findings,
    'reading the minutes',
    undefined,
    () => {
      new MinutesReader(tree, source, lines, settings, data, findings).read()
    },
    undefined
  )
  reportFindings(file, findings, settings.severities, lines)
}

/** `R4.1` → `R4.1–R4.3`; `R4` → `R4.1–R4.3`: a range of dotted ids like the one written. */
function dottedExample(from: string): string {
  const match = /^([A-Za-z]*)(\d+)/.exec(from)
  const prefix = match?.[1] ?? ''
  const chapter = match?.[2] ?? '4'
  return `${prefix}${chapter}.1–${prefix}${chapter}.3`
}

/** How an internal error names the block it failed on. */
const blockNames: ReadonlyMap<string, string> = new Map([
  ['paragraph', 'a paragraph'],
  ['heading', 'a heading'],
  ['table', 'a table'],
  ['list', 'a list'],
  ['listItem', 'a list item'],
  ['blockquote', 'a block quote']
])

/** `node` may be anything an earlier plugin left in the tree. */
function blockName(node: unknown): string {
  return (isObject(node) && typeof node.type === 'string' ? blockNames.get(node.type) : undefined) ?? 'a block'
}

/**
 * Where a parser puts the reason it read a block as plain text (see the
 * `too-complex` rule): `node.data.followthroughTooComplex`.
 */
export const tooComplexField = 'followthroughTooComplex'

/** One node still to visit, and for a paragraph whether it is a task item's text. */
interface Visit {
  node: Nodes
  task: boolean
  done: boolean
}

const idsShown = 5

/** One pass over one tree. */
class MinutesReader {
  private readonly flattener: Flattener
  private readonly scanner: ReferenceScanner
  private readonly index: RegisterIndex
  private defaultRegister: string | undefined
  private meetingDate: string | undefined
  /** The depth of the open "Date of next meeting" section, while its date is still to find. */
  private nextMeetingDepth: number | undefined
  /** Only the first "Date of next meeting" heading counts. */
  private nextMeetingSeen = false

  constructor(
    private readonly tree: Root,
    private readonly source: string,
    private readonly lines: LineIndex,
    private readonly settings: Settings,
    private readonly data: MinutesData,
    private readonly findings: Finding[]
  ) {
    this.scanner = settings.scanner
    this.index = settings.index
    this.flattener = settings.flattener
    this.flattener.reset(source)
  }

  read(): void {
    // parseMeeting never throws; this guards the node shape only.
    const frontMatter = attempt<FrontMatter>(this.findings, 'reading the front matter', undefined, () => readFrontMatter(this.tree, this.source), { findings: [] })
    this.findings.push(...frontMatter.findings)
    if (frontMatter.meeting !== undefined) {
      this.data.meeting = frontMatter.meeting
      this.meetingDate = frontMatter.meeting.date
    }
    this.resolveDefaultRegister(frontMatter)
    if (this.defaultRegister !== undefined) this.data.register = this.defaultRegister
    this.walk()
  }

  /** Front matter, else the plugin's `register` option, else the only register. */
  private resolveDefaultRegister(frontMatter: FrontMatter): void {
    const { ids, registers } = this.index
    const usable = (id: string | undefined) => id !== undefined && (ids.length === 0 || registers.has(id))
    if (frontMatter.register !== undefined) {
      if (usable(frontMatter.register)) {
        this.defaultRegister = frontMatter.register
        return
      }
      const range = frontMatter.registerRange ?? { start: 0, end: 0 }
      const suggestions = nearest(frontMatter.register, ids, { max: 2 })
      this.findings.push({
        ruleId: 'unknown-register',
        reason: `Unexpected unknown register ${frontMatter.register} in the front matter, expected ${
          suggestions.length > 0 ? `${orList(suggestions)} (one of ${ids.join(', ')})` : `one of ${ids.join(', ')}`
        }`,
        start: range.start,
        end: range.end,
        expected: suggestions,
        actual: frontMatter.register
      })
    }
    if (usable(this.settings.register)) this.defaultRegister = this.settings.register
    else if (ids.length === 1) this.defaultRegister = ids[0]
  }

  /**
   * Visit every block in document order. A loop with its own stack, not
   * recursion: a block quote 10,000 levels deep is read like any other. Each
   * block is read under the one error handler: a failure loses that block
   * (and what it contains), never the blocks after it.
   */
  private walk(): void {
    const stack: Visit[] = []
    const children = Array.isArray(this.tree.children) ? this.tree.children : []
    for (const node of children.toReversed()) stack.push({ node, task: false, done: false })
    for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
      const current = visit
      attempt(
        this.findings,
        `reading ${blockName(current.node)}`,
        current.node,
        () => {
          this.visit(current, stack)
        },
        undefined
      )
    }
  }

  /** Read one block, or put its children on the stack. */
  private visit(visit: Visit, stack: Visit[]): void {
    const node = visit.node
    this.tooComplex(node)
    switch (node.type) {
      case 'paragraph':
        this.paragraph(node, visit.task, visit.done)
        break
      case 'heading':
        this.block(node, false)
        this.heading(node)
        break
      case 'table':
        this.table(node)
        break
      case 'listItem': {
        const task = typeof node.checked === 'boolean'
        for (const [index, child] of [...node.children.entries()].reverse()) {
          stack.push({ node: child, task: child.type === 'paragraph' && index === 0 && task, done: node.checked === true })
        }
        break
      }
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'thematicBreak':
        break
      default: {
        const inner = (node as { children?: unknown }).children
        if (Array.isArray(inner)) for (let index = inner.length - 1; index >= 0; index--) stack.push({ node: inner[index] as Nodes, task: false, done: false })
      }
    }
  }

  /** Report a block a parser read as plain text because it was too complex (see `tooComplexField`). */
  private tooComplex(node: Nodes): void {
    const data = node.data as Record<string, unknown> | undefined
    const reason = data?.[tooComplexField]
    if (typeof reason !== 'string') return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    this.findings.push({ ruleId: 'too-complex', reason, start, end })
  }

  /**
   * A heading: "Date of next meeting" or "Next meeting" opens the section the
   * next meeting's date is read from (the heading's own words, else the first
   * paragraph under it with a date); a heading of the same or a higher level
   * closes it.
   */
  private heading(node: Heading): void {
    if (this.nextMeetingDepth !== undefined && node.depth <= this.nextMeetingDepth) this.nextMeetingDepth = undefined
    if (this.data.nextMeeting !== undefined || this.nextMeetingSeen) return
    const rest = nextMeetingHeading(plainText(node))
    if (rest === undefined) return
    this.nextMeetingSeen = true
    const date = findMeetingDate(rest, this.meetingDate)
    if (date !== undefined) this.data.nextMeeting = date
    else this.nextMeetingDepth = node.depth
  }

  /** A paragraph: its references, and an action when it is a task item's text or starts with `ACTION:`. */
  private paragraph(node: Paragraph, task: boolean, done: boolean): void {
    if (this.nextMeetingDepth !== undefined) {
      const date = findMeetingDate(plainText(node), this.meetingDate)
      if (date !== undefined) {
        this.data.nextMeeting = date
        this.nextMeetingDepth = undefined
      }
    }
    const from = this.data.references.length
    const text = this.block(node, false)
    const to = this.data.references.length
    if (task) this.action(node, from, to, done)
    else if (isActionLine(text)) this.action(node, from, to, false)
  }

  /** Scan one block for references (added to `data.references`); returns its flattened text. */
  private block(node: { children: readonly Nodes[] }, bareNumbers: boolean): string {
    const text = this.flattener.flatten(node)
    if (text.length === 0) return text
    let result = this.scanner.scan(text)
    if (bareNumbers && result.references.length === 0) result = this.scanner.scanBareNumbers(text) ?? result
    if (result.references.length > 0) this.addReferences(result.references)
    for (const range of result.invalidRanges) this.invalidRange(range)
    return text
  }

  private addReferences(scanned: readonly ScannedReference[]): void {
    // Unknown members of one range share a span: report them together, not one message each.
    let pending: { start: number; end: number; register: string; ids: string[] } | undefined
    const flush = () => {
      if (pending !== undefined) this.unknown(pending.ids, pending.register, pending.start, pending.end)
      pending = undefined
    }
    for (const reference of scanned) {
      const range = this.flattener.mapRange(reference.start, reference.end)
      if (range === undefined) continue
      const found = this.resolve(reference, range.start, range.end)
      this.data.references.push(found.reference)
      if (found.unknownIn === undefined) continue
      if (pending !== undefined && pending.start === range.start && pending.end === range.end && pending.register === found.unknownIn) {
        pending.ids.push(reference.id)
      } else {
        flush()
        pending = { start: range.start, end: range.end, register: found.unknownIn, ids: [reference.id] }
      }
    }
    flush()
  }

  /** Resolve a reference's register and check it; returns the register it is unknown in, if so. */
  private resolve(scanned: ScannedReference, start: number, end: number): { reference: FoundReference; unknownIn?: string } {
    const { registers, ids } = this.index
    const id = scanned.id
    const reference: FoundReference = {
      id,
      text: this.source.slice(start, end),
      position: this.lines.span(start, end),
      known: true
    }
    let registerId: string | undefined
    if (scanned.register !== undefined) {
      registerId = scanned.register
      if (ids.length > 0 && !registers.has(registerId)) {
        reference.register = registerId
        reference.known = false
        const suggestions = nearest(registerId, ids, { max: 2 })
        this.findings.push({
          ruleId: 'unknown-register',
          reason: `Unexpected unknown register ${registerId} in ${registerId}:${id}, expected ${
            suggestions.length > 0 ? `${orList(suggestions)} (one of ${ids.join(', ')})` : `one of ${ids.join(', ')}`
          }`,
          start,
          end,
          expected: suggestions,
          actual: registerId
        })
        return { reference }
      }
    } else if (this.defaultRegister !== undefined) {
      registerId = this.defaultRegister
    } else if (ids.length > 1) {
      const holders = ids.filter((candidate) => registers.get(candidate)?.recommendations.has(id) === true)
      reference.known = holders.length > 0
      const choices = (holders.length > 0 ? holders : ids).map((candidate) => `${candidate}:${id}`)
      this.findings.push({
        ruleId: 'ambiguous-reference',
        reason: `Unexpected unqualified reference ${id} with several registers (${ids.join(
          ', '
        )}), expected a qualified reference such as ${choices[0]} or a register in the front matter`,
        start,
        end,
        expected: choices,
        actual: reference.text
      })
      return { reference }
    }
    if (registerId !== undefined) reference.register = registerId
    const register = registerId === undefined ? undefined : registers.get(registerId)
    if (register === undefined) return { reference }
    const recommendation = register.recommendations.get(id)
    if (recommendation === undefined) {
      reference.known = false
      return { reference, unknownIn: register.id }
    }
    const superseded = supersession(recommendation)
    if (superseded !== undefined) {
      const successor = superseded.successor
      this.findings.push({
        ruleId: 'superseded-recommendation',
        reason:
          successor !== undefined
            ? `Unexpected reference to superseded ${id}, expected its successor ${successor}`
            : `Unexpected reference to superseded ${id}, expected a current recommendation`,
        start,
        end,
        ...(successor !== undefined ? { expected: [successor] } : {}),
        actual: reference.text
      })
    }
    return { reference }
  }

  private unknown(idsNamed: readonly string[], registerId: string, start: number, end: number): void {
    const register = this.index.registers.get(registerId)
    if (register === undefined) return
    const [id] = idsNamed
    const range = extent(register, id)
    const actual = this.source.slice(start, end)
    if (id !== undefined && idsNamed.length === 1) {
      const suggestions = suggestIds(id, register)
      this.findings.push({
        ruleId: 'unknown-recommendation',
        reason:
          suggestions.length > 0
            ? `Unexpected unknown recommendation ${id}, expected an id of ${registerId} such as ${orList(suggestions)}`
            : `Unexpected unknown recommendation ${id}, expected an id of ${registerId} (${range})`,
        start,
        end,
        expected: suggestions,
        actual
      })
      return
    }
    const shown = idsNamed.length > idsShown ? `${idsNamed.slice(0, idsShown).join(', ')} and ${idsNamed.length - idsShown} more` : orList(idsNamed).replace(/ or /, ' and ')
    this.findings.push({
      ruleId: 'unknown-recommendation',
      reason: `Unexpected unknown recommendations ${shown}, expected ids of ${registerId} (${range})`,
      start,
      end,
      expected: [],
      actual
    })
  }

  private invalidRange(range: InvalidRange): void {
    const place = this.flattener.mapRange(range.start, range.end)
    if (place === undefined) return
    const written = `${range.from}–${range.to}`
    const reason =
      range.reason === 'reversed'
        ? `Unexpected range ${written} ending before it starts, expected the lower id first (${range.to}–${range.from})`
        : range.reason === 'too-long'
          ? `Unexpected range ${written} of ${range.size} recommendations, expected at most 200`
          : range.reason === 'mixed-numbers'
            ? `Unexpected range ${written}, expected dotted ids that differ only in their last number (such as ${dottedExample(range.from)})`
            : `Unexpected range ${written}, expected lettered ids to share their number (such as ${range.from.replace(/[a-z]$/, '')}a–${range.from.replace(/[a-z]$/, '')}c)`
    this.findings.push({
      ruleId: 'invalid-range',
      reason,
      start: place.start,
      end: place.end,
      actual: this.source.slice(place.start, place.end)
    })
  }

  private span(node: { position?: Nodes['position'] }): SourceSpan | undefined {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return undefined
    return this.lines.span(start, end)
  }

  private action(paragraph: Paragraph, from: number, to: number, done: boolean): void {
    const position = this.span(paragraph)
    if (position === undefined) return
    const fields = readAction(plainText(paragraph), this.meetingDate)
    const action: FoundAction = {
      text: fields.text,
      done,
      references: this.data.references.slice(from, to),
      position
    }
    if (fields.owner !== undefined) action.owner = fields.owner
    if (fields.due !== undefined) action.due = fields.due
    if (fields.dueSource !== undefined) action.dueSource = fields.dueSource
    if (fields.nextMeeting) action.nextMeeting = true
    if (this.meetingDate !== undefined) action.date = this.meetingDate
    this.data.actions.push(action)
    // A done action no longer needs a date; an unresolvable phrase ("in June" without a meeting date) is not missing one.
    if (!done && !fields.hasDuePhrase) {
      this.findings.push({
        ruleId: 'action-without-due-date',
        reason: 'Unexpected action without a due date, expected a date such as "by 2023-06-30" or "in June"',
        start: position.start.offset,
        end: position.end.offset
      })
    }
  }

  /** A table: its references, and status updates when its header names a status column. A row or cell that fails loses only itself. */
  private table(table: Table): void {
    const rows = table.children
    const header = rows[0]
    const columns = attempt(
      this.findings,
      'reading a table header',
      header,
      () => (header === undefined ? undefined : statusColumns(header.children.map((cell) => plainText(cell)))),
      undefined
    )
    rows.forEach((row, rowIndex) => {
      attempt(
        this.findings,
        'reading a table row',
        row,
        () => {
          this.tooComplex(row)
          const cells = row.children
          const first = { from: 0, to: 0 }
          cells.forEach((cell, cellIndex) => {
            attempt(
              this.findings,
              'reading a table cell',
              cell,
              () => {
                this.tooComplex(cell)
                const from = this.data.references.length
                this.block(cell, columns !== undefined && rowIndex > 0 && cellIndex === 0)
                if (cellIndex === 0) {
                  first.from = from
                  first.to = this.data.references.length
                }
              },
              undefined
            )
          })
          if (columns === undefined || rowIndex === 0) return
          const cell = cells[columns.status]
          if (cell === undefined) return
          const position = this.span(row)
          const statusPosition = this.contentSpan(cell)
          if (statusPosition === undefined || position === undefined) return
          const statusText = plainText(cell).trim()
          // Every cell is read (and reported where wrong) even when the status is not a status.
          const fields = this.accountabilityCells(cells, columns)
          let status: Status | undefined
          if (statusText.length > 0) {
            const reading = readStatus(statusText)
            if (reading.status === undefined) {
              this.findings.push({
                ruleId: 'unknown-status',
                reason: unknownStatusReason(statusText, reading.suggestions),
                start: statusPosition.start.offset,
                end: statusPosition.end.offset,
                expected: reading.suggestions,
                actual: statusText
              })
              return
            }
            status = reading.status
          }
          // A row with an empty Status cell counts when it moves the due date or records a response.
          if (status === undefined && fields.due === undefined && fields.response === undefined) return
          const noteCell = columns.note === undefined ? undefined : cells[columns.note]
          const note = noteCell === undefined ? '' : plainText(noteCell).replace(/\s+/g, ' ').trim()
          for (const reference of this.data.references.slice(first.from, first.to)) {
            const update: MinutesData['updates'][number] = {
              id: reference.id,
              ...(status !== undefined ? { status } : {}),
              position,
              statusPosition,
              referencePosition: reference.position
            }
            if (reference.register !== undefined) update.register = reference.register
            if (note.length > 0) update.note = note
            if (this.meetingDate !== undefined) update.date = this.meetingDate
            Object.assign(update, fields)
            this.data.updates.push(update)
          }
        },
        undefined
      )
    })
  }

  /**
   * The accountability cells of a status table row (MISSION: the accountability
   * cycle): each read, and reported where it is wrong. A word that is not a
   * response or an assurance, or a due cell that is not a date, is left out of
   * the update; a due date without a reason is kept and reported.
   */
  private accountabilityCells(cells: readonly TableCell[], columns: StatusColumns): Partial<FoundStatusUpdate> {
    const fields: Partial<FoundStatusUpdate> = {}
    const text = (index: number | undefined) => {
      const cell = index === undefined ? undefined : cells[index]
      return cell === undefined ? '' : plainText(cell).replace(/\s+/g, ' ').trim()
    }
    const place = (index: number | undefined) => {
      const cell = index === undefined ? undefined : cells[index]
      return cell === undefined ? undefined : this.contentSpan(cell)
    }
    const word = (kind: 'response' | 'assurance', index: number | undefined) => {
      const written = text(index)
      const where = place(index)
      if (written.length === 0 || where === undefined) return undefined
      const reading = kind === 'response' ? readResponse(written) : readAssurance(written)
      if (reading.value !== undefined) return { value: reading.value, where }
      this.findings.push({
        ruleId: kind === 'response' ? 'unknown-response' : 'unknown-assurance',
        reason: unknownWordReason(kind, written, reading.suggestions),
        start: where.start.offset,
        end: where.end.offset,
        expected: reading.suggestions,
        actual: written
      })
      return undefined
    }
    const response = word('response', columns.response)
    if (response !== undefined) {
      fields.response = response.value as ResponseDecision
      fields.responsePosition = response.where
    }
    const assurance = word('assurance', columns.assurance)
    if (assurance !== undefined) {
      fields.assurance = assurance.value as Assurance
      fields.assurancePosition = assurance.where
    }
    const evidenceCell = columns.evidence === undefined ? undefined : cells[columns.evidence]
    const evidence = evidenceCell === undefined ? [] : readEvidence(evidenceCell.children)
    if (evidence.length > 0) fields.evidence = evidence
    const by = text(columns.by)
    if (by.length > 0) fields.by = by
    const reason = text(columns.reason)
    if (reason.length > 0) fields.reason = reason
    const dueText = text(columns.due)
    const duePlace = place(columns.due)
    if (dueText.length > 0 && duePlace !== undefined) {
      const due = readDueCell(dueText, this.meetingDate)
      if (due?.due === undefined) {
        this.findings.push({
          ruleId: 'invalid-due-date',
          reason: `Unexpected due date ${JSON.stringify(dueText)}, expected a date such as 2025-03-31, 31 March 2025 or March 2025`,
          start: duePlace.start.offset,
          end: duePlace.end.offset,
          actual: dueText
        })
      } else {
        fields.due = due.due
        fields.duePosition = duePlace
        if (reason.length === 0) {
          this.findings.push({
            ruleId: 'due-date-moved-without-reason',
            reason: `Unexpected due date moved to ${due.due} without a reason, expected a Reason cell saying why`,
            start: duePlace.start.offset,
            end: duePlace.end.offset
          })
        }
      }
    }
    return fields
  }

  /** A cell's content without the padding and pipes around it. */
  private contentSpan(cell: { children: readonly Nodes[]; position?: Nodes['position'] }): SourceSpan | undefined {
    const firstChild = cell.children[0]
    const lastChild = cell.children[cell.children.length - 1]
    const start = firstChild?.position?.start.offset
    const end = lastChild?.position?.end.offset
    if (start !== undefined && end !== undefined) return this.lines.span(start, end)
    return this.span(cell)
  }
}
