import { execFile, execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { repositoryRoot } from './action-runner.js'

// The pre-commit framework is not installed here: these tests do what it does
// with .pre-commit-hooks.yaml. It picks the staged files whose path matches
// `files` (Python's re.search) and whose tags, from the `identify` library,
// include every one of `types`; it then runs the entry, a path in its clone of
// this repository for `language: script`, with the hook's args and the file
// names, in the user's repository.

interface Hook {
  id: string
  name: string
  entry: string
  language: string
  files: string
  types: string[]
  require_serial?: boolean
  pass_filenames?: boolean
}

function readHooks(): Hook[] {
  const parsed: unknown = parse(readFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8'))
  if (!Array.isArray(parsed)) throw new Error('Unexpected .pre-commit-hooks.yaml, expected a list of hooks')
  return parsed as Hook[]
}

function hook(): Hook {
  const found = readHooks().find((candidate) => candidate.id === 'followthrough')
  if (!found) throw new Error('No hook followthrough in .pre-commit-hooks.yaml')
  return found
}

/** The tags `identify` gives a file by its extension, for the extensions that matter here (identify/extensions.py). */
const extensionTags: Readonly<Record<string, readonly string[]>> = {
  '.md': ['text', 'markdown'],
  '.markdown': ['text', 'markdown'],
  '.yaml': ['text', 'yaml'],
  '.yml': ['text', 'yaml'],
  '.json': ['text', 'json'],
  '.txt': ['text', 'plain-text']
}

/** Whether pre-commit would pass this path to the hook. */
function selects(definition: Hook, path: string): boolean {
  const tags = ['file', ...(extensionTags[extname(path)] ?? [])]
  return new RegExp(definition.files).test(path) && definition.types.every((type) => tags.includes(type))
}

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Minute Taker', '-c', 'user.email=minutes@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' })
}

/** A git repository holding examples/telford (in `folder`), committed, with `staged` files written and staged. */
function repository(staged: Record<string, string>, folder = ''): string {
  const root = mkdtempSync(join(tmpdir(), 'followthrough-pre-commit-'))
  cleanups.push(() => {
    rmSync(root, { recursive: true, force: true })
  })
  cpSync(join(repositoryRoot, 'examples', 'telford'), join(root, folder), { recursive: true })
  git(root, 'init', '--quiet')
  git(root, 'add', '--all')
  git(root, 'commit', '--quiet', '--message', 'Minutes so far')
  for (const [path, content] of Object.entries(staged)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), content)
    git(root, 'add', path)
  }
  return root
}

/** What `pre-commit run` does for the hook: the staged files it selects, then the entry with the args and those names. */
async function runHook(cwd: string, args: string[] = []): Promise<{ files: string[]; code: number; stdout: string; stderr: string }> {
  const definition = hook()
  // pre-commit's staged files: `git diff --staged --name-only --no-ext-diff -z --diff-filter=ACMRTUXB`.
  const staged = git(cwd, 'diff', '--staged', '--name-only', '--no-ext-diff', '-z', '--diff-filter=ACMRTUXB').split('\0').filter(Boolean)
  const files = staged.filter((path) => selects(definition, path))
  // `language: script`: the entry's first word is a path in the hook repository, run as an executable.
  const [command = '', ...entryArgs] = definition.entry.split(' ')
  return new Promise((resolve) => {
    execFile(join(repositoryRoot, command), [...entryArgs, ...args, ...files], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ files, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

function meeting(date: string, body: string): string {
  return `---\nmeeting: accountability\ndate: ${date}\ntitle: Accountability meeting on the Telford inquiry recommendations\nchair: John Campion, Police and Crime Commissioner\nattendees:\n  - Pippa Mills, Chief Constable\n---\n\n# Accountability meeting\n\n${body}\n`
}

describe('.pre-commit-hooks.yaml', () => {
  it('defines one script hook, run once over all the staged minutes, whose entry is executable', () => {
    expect(readHooks().map((entry) => entry.id)).toEqual(['followthrough'])
    const definition = hook()
    expect(definition).toMatchObject({ language: 'script', entry: 'scripts/pre-commit.sh', types: ['markdown'], require_serial: true })
    expect(definition.pass_filenames).toBeUndefined()
    expect(statSync(join(repositoryRoot, definition.entry)).mode & 0o111).not.toBe(0)
  })

  it('selects minutes in a minutes folder, at the root or deeper, and never the register or other Markdown', () => {
    const definition = hook()
    const paths = [
      'minutes/2024-11-20-accountability.md',
      'minutes/2024/11-20.md',
      'examples/telford/minutes/2024-01-17-accountability.md',
      'recommendations.yaml',
      'examples/telford/recommendations.yaml',
      'registers/iitcse.json',
      'followthrough.config.json',
      'README.md',
      'docs/minutes.md',
      'minutes/attendance.txt',
      'minutes/template.yaml'
    ]
    expect(paths.filter((path) => selects(definition, path))).toEqual([
      'minutes/2024-11-20-accountability.md',
      'minutes/2024/11-20.md',
      'examples/telford/minutes/2024-01-17-accountability.md'
    ])
  })

  it('fails the commit on a staged minutes file with an unknown recommendation', async () => {
    const root = repository({
      'minutes/2024-11-20-accountability.md': meeting('2024-11-20', 'The meeting heard about Recommendation 14, Recommendation 99 and R12.'),
      'recommendations.yaml': readFileSync(join(repositoryRoot, 'examples', 'telford', 'recommendations.yaml'), 'utf8') + '# reviewed\n'
    })
    const result = await runHook(root)
    // The register was staged too, and is not passed.
    expect(result.files).toEqual(['minutes/2024-11-20-accountability.md'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    // R12 was closed in the minutes of 2023-10-18, which are not staged: the hook checks the staged minutes on their own (CI checks the whole record).
    expect(result.stdout).toBe(
      [
        'minutes/2024-11-20-accountability.md',
        '12:44-12:61 error Unexpected unknown recommendation R99, expected an id of iitcse such as R9 or R39 unknown-recommendation followthrough',
        '',
        '✖ 1 error',
        ''
      ].join('\n')
    )
  })

  it('lets a commit of clean minutes through', async () => {
    const root = repository({ 'minutes/2024-11-20-accountability.md': meeting('2024-11-20', 'The meeting heard about Recommendation 14 and Recommendation 44.') })
    const result = await runHook(root)
    expect(result).toEqual({ files: ['minutes/2024-11-20-accountability.md'], code: 0, stdout: '1 file checked: no problems\n', stderr: '' })
  })

  it('takes the config of minutes kept in a folder through args, as .pre-commit-config.yaml gives them', async () => {
    const root = repository({ 'inquiry/minutes/2024-11-20-accountability.md': meeting('2024-11-20', 'Recommendation 99 came up.') }, 'inquiry')
    const result = await runHook(root, ['--config', 'inquiry/followthrough.config.json', '--format', 'github'])
    expect(result.files).toEqual(['inquiry/minutes/2024-11-20-accountability.md'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      '::error file=inquiry/minutes/2024-11-20-accountability.md,line=12,col=1,endLine=12,endColumn=18,title=unknown-recommendation::Unexpected unknown recommendation R99, expected an id of iitcse such as R9 or R39\n'
    )
  })

  it('stops the commit with exit code 2 and the position when the register is broken', async () => {
    const root = repository({
      'minutes/2024-11-20-accountability.md': meeting('2024-11-20', 'Recommendation 14 came up.'),
      'recommendations.yaml': 'inquiry: [unclosed\n'
    })
    const result = await runHook(root)
    expect(result.files).toEqual(['minutes/2024-11-20-accountability.md'])
    expect(result.code).toBe(2)
    expect(result.stdout).toContain('recommendations.yaml\n2:1-2:1 error')
    expect(result.stderr).toBe('followthrough: fix the configuration and registers above first\n')
  })
})
