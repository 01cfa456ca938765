import { copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { MemoryFileSystem } from '@followthrough/engine'
import { afterEach, describe, expect, it } from 'vitest'
import type { Input } from '../src/io.js'
import { main } from '../src/main.js'
import { run, workspace } from './workspace.js'

const root = `/followthrough-init-${process.pid}/w`
const report = readFileSync(new URL('fixtures/report.md', import.meta.url), 'utf8')
const flags = ['--id', 'westshire', '--title', 'Review of Exploitation Services in Westshire', '--published', '2024-03-01']
const written = ['followthrough.config.json', 'recommendations.yaml', 'minutes/2024-05-01-accountability.md']

interface Captured {
  code: number
  stdout: string
  stderr: string
}

/** Run `main` in this process over a file system in memory; a terminal when `stdin` is given. */
async function inMemory(argv: string[], fs: MemoryFileSystem, stdin?: Input): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd: root,
    fs,
    stdout: { write: (text: string) => (stdout += text), ...(stdin ? { isTTY: true } : {}) },
    stderr: { write: (text: string) => (stderr += text) },
    ...(stdin ? { stdin } : {}),
    env: { NO_COLOR: '1' },
    today: '2024-05-01'
  })
  return { code, stdout, stderr }
}

const text = (fs: MemoryFileSystem, path: string) => fs.readFile(`${root}/${path}`).then((bytes) => new TextDecoder().decode(bytes))
const present = async (fs: MemoryFileSystem) => (await Promise.all(written.map((path) => fs.exists(`${root}/${path}`)))).map((exists, index) => (exists ? written[index] : '-'))

/** A terminal typing `lines`, then closing (Ctrl-D) when `end` is set. */
function terminal(lines: string[], end = true): Input {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean }
  stream.isTTY = true
  stream.write(lines.map((line) => `${line}\n`).join(''))
  if (end) stream.end()
  return stream
}

describe('followthrough init', () => {
  it('is in --help', async () => {
    const help = await inMemory(['--help'], new MemoryFileSystem({}))
    expect(help.stdout).toContain('  init              Start a workspace here: config, register and first minutes\n')
    expect(help.stdout).toContain('  --from <file>           init: draft the register from the report')
  })

  it('writes a config with $schema, an empty register and first minutes from flags; lint is clean', async () => {
    const fs = new MemoryFileSystem({})
    const result = await inMemory(['init', ...flags], fs)
    expect(result).toEqual({
      code: 0,
      stdout: `Wrote ${written.join(', ')}\nNext: add the recommendations to recommendations.yaml, then run followthrough lint\n`,
      stderr: ''
    })
    expect(JSON.parse(await text(fs, 'followthrough.config.json'))).toEqual({
      $schema: './node_modules/@followthrough/core/schemas/config.schema.json',
      registers: ['recommendations.yaml'],
      minutes: ['minutes/**/*.md']
    })
    expect(await text(fs, 'recommendations.yaml')).toBe(
      '# yaml-language-server: $schema=./node_modules/@followthrough/core/schemas/register.schema.json\n#\n' +
        '# The recommendations of Review of Exploitation Services in Westshire: add each under recommendations, with its owners.\n\n' +
        'inquiry:\n  id: westshire\n  title: Review of Exploitation Services in Westshire\n  published: 2024-03-01\n\nowners: []\n\nrecommendations: []\n'
    )
    expect(await text(fs, 'minutes/2024-05-01-accountability.md')).toMatch(
      /^---\nmeeting: accountability\ndate: 2024-05-01\ntitle: Accountability meeting, 1 May 2024\nchair: Chair\n/
    )
    expect(await inMemory(['lint'], fs)).toEqual({ code: 0, stdout: '1 file checked: no problems\n', stderr: '' })
  })

  it('never overwrites: names each file that exists, writes nothing, exits 2', async () => {
    const fs = new MemoryFileSystem({ [`${root}/recommendations.yaml`]: 'mine\n', [`${root}/minutes/2024-05-01-accountability.md`]: 'also mine\n' })
    expect(await inMemory(['init', ...flags], fs)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'followthrough: recommendations.yaml already exists; init never overwrites a file\n' +
        'followthrough: minutes/2024-05-01-accountability.md already exists; init never overwrites a file\n' +
        'followthrough: nothing written\n'
    })
    expect(await present(fs)).toEqual(['-', 'recommendations.yaml', 'minutes/2024-05-01-accountability.md'])
    expect(await text(fs, 'recommendations.yaml')).toBe('mine\n')
  })

  it('without a terminal, names the missing flags and exits 2; bad values are usage errors', async () => {
    const fs = new MemoryFileSystem({})
    expect(await inMemory(['init', '--id', 'westshire'], fs)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'followthrough: Missing --title and --published for init: give them, or run init in a terminal to be asked\n'
    })
    expect((await inMemory(['init', ...flags.slice(0, 4)], fs)).stderr).toBe('followthrough: Missing --published for init: give it, or run init in a terminal to be asked\n')
    expect(await inMemory(['init', ...flags, '--id', 'West Shire'], fs)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'followthrough: Unexpected --id "West Shire", expected lowercase letters, digits, "-" or "_", such as "iitcse"\n'
    })
    expect((await inMemory(['init', ...flags, '--published', '2024-02-30'], fs)).stderr).toBe('followthrough: Unexpected --published "2024-02-30", expected a date as YYYY-MM-DD\n')
    expect((await inMemory(['init', 'here', ...flags], fs)).stderr).toBe('followthrough: Unexpected here for init, expected no files: it writes into the working folder\n')
    expect(await present(fs)).toEqual(['-', '-', '-'])
  })

  it('on a terminal, asks for what the flags did not give, again until an answer will do', async () => {
    const fs = new MemoryFileSystem({})
    const stdin = terminal(['Independent Inquiry into Telford Child Sexual Exploitation', '', '12 July 2022', '2022-07-12'])
    const result = await inMemory(['init'], fs, stdin)
    expect(result.stdout).toBe(
      'Title of the inquiry: Short id, as in references such as iitcse:R12 [iitcse]: Published on (YYYY-MM-DD): Published on (YYYY-MM-DD): ' +
        `Wrote ${written.join(', ')}\nNext: add the recommendations to recommendations.yaml, then run followthrough lint\n`
    )
    expect(result.stderr).toBe('followthrough: unexpected "12 July 2022", expected a date as YYYY-MM-DD\n')
    expect(result.code).toBe(0)
    expect(await text(fs, 'recommendations.yaml')).toContain(
      'inquiry:\n  id: iitcse\n  title: Independent Inquiry into Telford Child Sexual Exploitation\n  published: 2022-07-12\n'
    )
  })

  it('asks only for what is missing, and writes nothing when input ends first', async () => {
    const fs = new MemoryFileSystem({})
    const asked = await inMemory(['init', '--title', 'Westshire review', '--published', '2024-03-01'], fs, terminal(['ws']))
    expect(asked.stdout.startsWith('Short id, as in references such as iitcse:R12 [wr]: Wrote ')).toBe(true)
    expect(await text(fs, 'recommendations.yaml')).toContain('  id: ws\n')

    const empty = new MemoryFileSystem({})
    expect(await inMemory(['init'], empty, terminal(['A title']))).toEqual({
      code: 2,
      stdout: 'Title of the inquiry: Short id, as in references such as iitcse:R12 [at]: \n',
      stderr: 'followthrough: input ended before every answer was given; nothing written\n'
    })
    expect(await present(empty)).toEqual(['-', '-', '-'])
  })

  it('--from drafts the register from a report, prints what it found and could not place, and lint loads it clean', async () => {
    const fs = new MemoryFileSystem({ [`${root}/report.md`]: report })
    const result = await inMemory(['init', ...flags, '--from', 'report.md'], fs)
    expect(result).toEqual({
      code: 0,
      stdout: [
        'Found 4 recommendations in report.md: R1, R2, R4, R5',
        'Owners proposed (5):',
        '  westshire-council (Westshire Council): R1',
        '  west-mercia-police (West Mercia Police): R2',
        '  council (Council): R4',
        '  nhs-trust (NHS trust): R4',
        '  ofsted (Ofsted): R5',
        'Missing from the numbering: R3',
        'report.md:19: R2 again (first at line 16): kept the first',
        'Could not place 2 passages:',
        '  report.md:10: The review makes these recommendations. (not a numbered recommendation)',
        '  report.md:29: More work will follow in 2025. (not a numbered recommendation)',
        `Wrote ${written.join(', ')}`,
        'Next: check recommendations.yaml against the report, then run followthrough lint',
        ''
      ].join('\n'),
      stderr: ''
    })
    const register = await text(fs, 'recommendations.yaml')
    expect(register).toContain('# Drafted from report.md: check each title, text and owner against the report.\n')
    expect(register).toContain(
      '  # line 16 of the report\n  - id: R2\n    title: West Mercia Police should record every missing-child episode in one system\n    owners: [west-mercia-police]\n'
    )
    expect(register).not.toContain('status:')
    expect(await inMemory(['lint'], fs)).toEqual({ code: 0, stdout: '1 file checked: no problems\n', stderr: '' })
  })

  it('--from refuses a report it cannot read, a PDF and bytes that are not text, and writes nothing', async () => {
    const fs = new MemoryFileSystem({ [`${root}/report.pdf`]: '%PDF-1.7', [`${root}/report.txt`]: new Uint8Array([0x52, 0x31, 0xff, 0x0a]) })
    expect(await inMemory(['init', ...flags, '--from', 'missing.txt'], fs)).toEqual({ code: 2, stdout: '', stderr: 'followthrough: Cannot read missing.txt: no such file\n' })
    expect((await inMemory(['init', ...flags, '--from', 'report.pdf'], fs)).stderr).toBe(
      'followthrough: Unexpected PDF report.pdf, expected its text (.md or .txt): convert it first, for instance with pdftotext -layout report.pdf\n'
    )
    const binary = await inMemory(['init', ...flags, '--from', 'report.txt'], fs)
    expect(binary.code).toBe(2)
    expect(binary.stderr).toMatch(/^followthrough: report\.txt:1:3: Unexpected .*UTF-8/)
    expect(await present(fs)).toEqual(['-', '-', '-'])
  })
})

/** Today as the bin takes it. */
const today = () => new Date().toISOString().slice(0, 10)

describe('followthrough init through the bin', () => {
  const cleanups: Array<() => void> = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  it('drafts from a report in an empty folder; lint exits 0 right after; a second init exits 2 and changes nothing', async () => {
    const folder = workspace({})
    cleanups.push(folder.cleanup)
    copyFileSync(new URL('fixtures/report.md', import.meta.url), join(folder.root, 'report.md'))
    const first = await run(['init', ...flags, '--from', 'report.md'], folder.root)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^Found 4 recommendations in report\.md: R1, R2, R4, R5\n/)
    expect(readdirSync(join(folder.root, 'minutes'))).toEqual([written[2]?.slice('minutes/'.length).replace('2024-05-01', today())])

    const lint = await run(['lint'], folder.root)
    expect(lint).toEqual({ code: 0, stdout: '1 file checked: no problems\n', stderr: '' })

    writeFileSync(join(folder.root, 'recommendations.yaml'), 'edited by hand\n')
    const again = await run(['init', ...flags], folder.root)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('followthrough: recommendations.yaml already exists; init never overwrites a file\n')
    expect(readFileSync(join(folder.root, 'recommendations.yaml'), 'utf8')).toBe('edited by hand\n')
  })

  it('refuses to write through a symbolic link out of the folder, before writing anything', async () => {
    const folder = workspace({ 'elsewhere/keep.md': 'x\n', 'here/.keep': '' })
    cleanups.push(folder.cleanup)
    const here = join(folder.root, 'here')
    symlinkSync(join(folder.root, 'elsewhere'), join(here, 'minutes'))
    const result = await run(['init', ...flags], here)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `followthrough: minutes/${today()}-accountability.md would be written outside this folder, through a symbolic link\nfollowthrough: nothing written\n`
    )
    expect(existsSync(join(here, 'followthrough.config.json'))).toBe(false)
    expect(readdirSync(join(folder.root, 'elsewhere'))).toEqual(['keep.md'])
  })

  it('with stdin not a terminal, missing flags are a usage error', async () => {
    const folder = workspace({})
    cleanups.push(folder.cleanup)
    const result = await run(['init', '--id', 'westshire'], folder.root)
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'followthrough: Missing --title and --published for init: give them, or run init in a terminal to be asked\n' })
    expect(existsSync(join(folder.root, 'followthrough.config.json'))).toBe(false)
  })
})
