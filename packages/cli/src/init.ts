/**
 * `followthrough init`: start a workspace in the working folder. The files
 * are the engine's (`starterWorkspace`), the drafting of a register from a
 * report too (`draftRegister`); this module only asks, reads, prints and
 * writes.
 */
import { createInterface } from 'node:readline/promises'
import { isIsoDate, SlugSchema, visible, type Inquiry } from '@followthrough/core'
import {
  basename,
  decodeFile,
  dirname,
  isInside,
  draftRegister,
  joinPath,
  ownerToConfirm,
  readRegularFile,
  relativePath,
  resolvePath,
  starterPaths,
  starterWorkspace,
  WriteError,
  writeFileAtomically,
  type RegisterDraft,
  type WritableFileSystem
} from '@followthrough/engine'
import { nodeFileSystem } from '@followthrough/engine/node'
import type { ParsedArgs } from './args.js'
import { UsageError, type CliIo, type Input } from './io.js'

/** What `init` needs to know about the inquiry, flag by flag. */
const fields = [
  { flag: '--id', key: 'id' },
  { flag: '--title', key: 'title' },
  { flag: '--published', key: 'published' }
] as const

type Answers = Partial<Record<(typeof fields)[number]['key'], string>>

/** Write a new workspace in the working folder; exit code 2 when anything it would write exists. */
export async function init(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.files.length > 0) throw new UsageError(`Unexpected ${args.files.join(' ')} for init, expected no files: it writes into the working folder`)
  const fs = io.fs ?? nodeFileSystem
  const date = io.today ?? new Date().toISOString().slice(0, 10)
  const given: Answers = {}
  for (const { key } of fields) {
    const value = args[key]
    if (value !== undefined) given[key] = value
  }
  for (const { flag, key } of fields) {
    const value = given[key]
    const problem = value === undefined ? undefined : check(key, value)
    if (problem !== undefined) throw new UsageError(`Unexpected ${flag} ${JSON.stringify(value)}, expected ${problem}`)
  }

  // Nothing is asked, read or written before every target is known to be free.
  const planned = starterPaths(date)
  const refusals: string[] = []
  for (const path of planned) {
    const full = joinPath(io.cwd, path)
    if (await taken(fs, full)) refusals.push(`${path} already exists; init never overwrites a file`)
    else if (!(await leadsInside(fs, io.cwd, dirname(full)))) refusals.push(`${path} would be written outside this folder, through a symbolic link`)
  }
  if (refusals.length > 0) {
    for (const refusal of refusals) io.stderr.write(`followthrough: ${refusal}\n`)
    io.stderr.write('followthrough: nothing written\n')
    return 2
  }

  const report = args.from !== undefined ? await readReport(fs, resolvePath(io.cwd, args.from), io) : undefined
  if (report === null) return 2

  const missing = fields.filter(({ key }) => given[key] === undefined)
  if (missing.length > 0) {
    if (io.stdin?.isTTY !== true || io.stdout.isTTY !== true) {
      const flags = missing.map(({ flag }) => flag)
      throw new UsageError(`Missing ${listed(flags)} for init: give ${flags.length === 1 ? 'it' : 'them'}, or run init in a terminal to be asked`)
    }
    const answered = await ask(io.stdin, io, given)
    if (!answered) return 2
    Object.assign(given, answered)
  }
  const inquiry: Inquiry = { id: given.id ?? '', title: (given.title ?? '').trim(), published: given.published ?? '' }

  let draft: { register: RegisterDraft; source: string } | undefined
  if (report) {
    draft = { register: draftRegister(report.text, inquiry), source: basename(report.path) }
    io.stdout.write(describeDraft(draft.register, visible(args.from ?? relativePath(io.cwd, report.path))))
  }

  const files = starterWorkspace({ inquiry, date, ...(draft ? { draft } : {}) })
  const written: string[] = []
  for (const file of files) {
    const path = joinPath(io.cwd, file.path)
    try {
      // Checked again just before writing: another process may have made it meanwhile.
      if (await taken(fs, path)) throw new WriteError(path, 'it already exists; init never overwrites a file', 'refused')
      await writeFileAtomically(fs, path, new TextEncoder().encode(file.text), { createFolder: true, within: io.cwd })
      written.push(file.path)
    } catch (error) {
      if (!(error instanceof WriteError)) throw error
      io.stderr.write(`followthrough: cannot write ${file.path}: ${error.reason}\n`)
      if (written.length > 0) io.stderr.write(`followthrough: wrote only ${written.join(', ')}\n`)
      return 2
    }
  }
  io.stdout.write(`Wrote ${written.join(', ')}\n`)
  io.stdout.write(
    draft
      ? `Next: check ${files[1]?.path ?? ''} against the report, then run followthrough lint\n`
      : `Next: add the recommendations to ${files[1]?.path ?? ''}, then run followthrough lint\n`
  )
  return 0
}

/** Whether a path is taken by anything at all, a dangling symbolic link included. */
async function taken(fs: WritableFileSystem, path: string): Promise<boolean> {
  try {
    await fs.lstat(path)
    return true
  } catch {
    return false
  }
}

/** Whether a folder, once symbolic links are resolved, is inside `root` (a folder yet to be made is). */
async function leadsInside(fs: WritableFileSystem, root: string, folder: string): Promise<boolean> {
  if (!(await fs.exists(folder))) return true
  try {
    return isInside(await fs.realPath(root), await fs.realPath(folder))
  } catch {
    return false
  }
}

/** Why a value will not do for a field, or undefined when it will. */
function check(key: keyof Answers, value: string): string | undefined {
  switch (key) {
    case 'id':
      return SlugSchema.safeParse(value).success ? undefined : 'lowercase letters, digits, "-" or "_", such as "iitcse"'
    case 'title':
      return value.trim() !== '' ? undefined : "the inquiry's title"
    case 'published':
      return isIsoDate(value) ? undefined : 'a date as YYYY-MM-DD'
  }
}

/** `--id`, `--id and --title`, `--id, --title and --published`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}

/** Words an inquiry's initials leave out. */
const smallWords = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'into', 'of', 'on', 'the', 'to', 'with'])

/** A short id from a title's initials: "Independent Inquiry into Telford Child Sexual Exploitation" → `iitcse`. */
function initials(title: string): string {
  const letters = title
    .normalize('NFKD')
    .split(/\s+/)
    .filter((word) => !smallWords.has(word))
    .map((word) => /[A-Za-z0-9]/.exec(word)?.[0] ?? '')
    .join('')
    .toLowerCase()
  return letters === '' ? 'inquiry' : letters
}

/**
 * Ask for what the flags did not give, one question a line, again until the
 * answer will do. Lines are read through readline's iterator, which keeps
 * those typed (or pasted) ahead of the question. Undefined when input ends.
 */
async function ask(stdin: Input, io: CliIo, given: Answers): Promise<Answers | undefined> {
  const rl = createInterface({ input: stdin, terminal: false })
  const lines = rl[Symbol.asyncIterator]()
  const answers: Answers = {}
  try {
    // The title first: the id's suggestion is made from it.
    for (const key of ['title', 'id', 'published'] as const) {
      if (given[key] !== undefined) continue
      const fallback = key === 'id' ? initials(answers.title ?? given.title ?? '') : undefined
      const question = { id: 'Short id, as in references such as iitcse:R12', title: 'Title of the inquiry', published: 'Published on (YYYY-MM-DD)' }[key]
      for (;;) {
        io.stdout.write(`${question}${fallback !== undefined ? ` [${fallback}]` : ''}: `)
        const next = await lines.next()
        if (next.done === true) {
          io.stdout.write('\n')
          io.stderr.write('followthrough: input ended before every answer was given; nothing written\n')
          return undefined
        }
        const answer = next.value.trim() || (fallback ?? '')
        const problem = check(key, answer)
        if (problem === undefined) {
          answers[key] = answer
          break
        }
        io.stderr.write(`followthrough: unexpected ${JSON.stringify(answer)}, expected ${problem}\n`)
      }
    }
    return answers
  } finally {
    rl.close()
  }
}

/** The report's text, or null after saying in one line why it cannot be read. */
async function readReport(fs: WritableFileSystem, path: string, io: CliIo): Promise<{ path: string; text: string } | null> {
  const name = relativePath(io.cwd, path)
  if (/\.pdf$/i.test(path)) {
    io.stderr.write(`followthrough: Unexpected PDF ${name}, expected its text (.md or .txt): convert it first, for instance with pdftotext -layout ${name}\n`)
    return null
  }
  const read = await readRegularFile(fs, path)
  if (!read.ok) {
    io.stderr.write(`followthrough: ${read.finding.message.replace(path, name)}\n`)
    return null
  }
  const decoded = decodeFile(read.bytes, path)
  if (!decoded.ok) {
    io.stderr.write(`followthrough: ${name}:${String(decoded.finding.line)}:${String(decoded.finding.column)}: ${decoded.finding.message}\n`)
    return null
  }
  return { path, text: decoded.text }
}

/** A passage on one line, shortened, with anything a terminal would obey made visible. */
function excerpt(text: string): string {
  const shown = visible(text.slice(0, 200))
  return shown.length > 100 ? `${shown.slice(0, 99)}…` : shown
}

/** What the draft found and could not place, for people, each passage with its line in the report. */
export function describeDraft(draft: RegisterDraft, report: string): string {
  const out: string[] = []
  const count = draft.recommendations.length
  out.push(
    `Found ${String(count)} recommendation${count === 1 ? '' : 's'} in ${report}${count > 0 ? `: ${draft.recommendations.map((recommendation) => recommendation.id).join(', ')}` : ''}`
  )
  if (draft.owners.length > 0) {
    out.push(`Owners proposed (${String(draft.owners.length)}):`)
    for (const owner of draft.owners) {
      const ids = draft.recommendations.filter((recommendation) => recommendation.owners.includes(owner.id)).map((recommendation) => recommendation.id)
      out.push(`  ${owner.id} (${visible(owner.name)}): ${ids.join(', ')}`)
    }
  }
  if (draft.unowned.length > 0) out.push(`No owner found in the subject of ${draft.unowned.join(', ')}: given ${ownerToConfirm.id}`)
  if (draft.missing.length > 0) out.push(`Missing from the numbering: ${draft.missing.join(', ')}`)
  for (const duplicate of draft.duplicates) out.push(`${report}:${String(duplicate.line)}: ${duplicate.id} again (first at line ${String(duplicate.first)}): kept the first`)
  if (draft.unplaced.length > 0) {
    out.push(`Could not place ${String(draft.unplaced.length)} passage${draft.unplaced.length === 1 ? '' : 's'}:`)
    for (const passage of draft.unplaced) {
      const lines = passage.endLine > passage.line ? `${String(passage.line)}-${String(passage.endLine)}` : String(passage.line)
      out.push(`  ${report}:${lines}: ${excerpt(passage.text)} (${passage.reason})`)
    }
  }
  return `${out.join('\n')}\n`
}
