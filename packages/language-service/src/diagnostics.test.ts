import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { MemoryFileSystem } from '@followthrough/engine'
import { nodeFileSystem } from '@followthrough/engine/node'
import { assert, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnostic } from 'vscode-languageserver-types'
import { documentOf, fileText, lineAt, memoryWorkspace, messageText, minutes, root, serviceOver, smallRegister, telfordFiles, telfordOnDisk } from '../test/helpers.js'
import { createLanguageService } from './language-service.js'
import { pathToUri } from './uri.js'

const repository = join(telfordOnDisk, '..', '..')
const cli = join(repository, 'packages', 'cli')

interface CliFinding {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: string
  ruleId: string
  message: string
}

const severityNames = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const

/** A diagnostic in the CLI's JSON shape (LSP is 0-based, the CLI 1-based). */
function asCli(file: string, diagnostic: Diagnostic): CliFinding {
  return {
    file,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: severityNames[diagnostic.severity ?? 1],
    ruleId: String(diagnostic.code),
    message: messageText(diagnostic)
  }
}

/** The CLI's lint findings on an example folder, in its JSON shape. */
function cliFindings(folder: string): CliFinding[] {
  let output: string
  try {
    output = execFileSync(process.execPath, [join(cli, 'bin', 'followthrough.js'), 'lint', '--format', 'json'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' }
    })
  } catch (error) {
    // Exit code 1: the example has errors on purpose; the JSON is on stdout all the same.
    output = (error as { stdout: string }).stdout
  }
  return (JSON.parse(output) as CliFinding[]).map(({ file, line, column, endLine, endColumn, severity, ruleId, message }) => ({
    file,
    line,
    column,
    endLine,
    endColumn,
    severity,
    ruleId,
    message
  }))
}

/** Every example of the repository, with the least it must show. */
const examples = [
  { name: 'telford', folder: telfordOnDisk, files: 11, findings: 10, planted: ['unknown-recommendation', 'unknown-status', 'discussed-after-closure'] },
  // Free of mistakes: its findings (if any) must still be the CLI's.
  { name: 'inspection', folder: join(telfordOnDisk, '..', 'inspection'), files: 4, findings: 0, planted: [] }
]

describe('diagnostics agree with the CLI', () => {
  beforeAll(() => {
    // The CLI is not a dependency of this package: build it when a fresh checkout lacks it.
    if (!existsSync(join(cli, 'dist', 'cli.js'))) spawnSync('npx', ['turbo', 'run', 'build', '--filter', '@followthrough/cli'], { cwd: repository, stdio: 'ignore' })
  })

  it.each(examples)('for every minutes file of examples/$name, open or not (rule ids, severities, messages, positions)', async ({ folder, files: count, findings, planted }) => {
    const expected = cliFindings(folder)
    const service = createLanguageService({ workspace: { folders: [pathToUri(folder)], ...nodeFileSystem } })
    await service.ready()
    const files = await nodeFileSystem.glob(['minutes/**/*.md'], folder)
    expect(files.length).toBe(count)
    expect(expected.length).toBeGreaterThanOrEqual(findings)
    const closed: CliFinding[] = []
    const opened: CliFinding[] = []
    for (const path of files) {
      const relative = path.slice(folder.length + 1)
      closed.push(...(await service.getFileDiagnostics(pathToUri(path))).map((diagnostic) => asCli(relative, diagnostic)))
      const document = documentOf(path, new TextDecoder().decode(await nodeFileSystem.readFile(path)))
      await service.didOpen(document)
      opened.push(...(await service.getDiagnostics(document)).map((diagnostic) => asCli(relative, diagnostic)))
    }
    const minutesFindings = expected.filter((finding) => finding.file.startsWith('minutes/'))
    expect(closed).toEqual(minutesFindings)
    expect(opened).toEqual(minutesFindings)
    // The example's deliberate mistakes are among them.
    expect(opened.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(planted))
    service.dispose()
  })
})

describe('getDiagnostics', () => {
  it('reports R52 at its exact range, with the suggestions code actions need', async () => {
    const files = telfordFiles()
    const { service } = await serviceOver(files)
    const path = `${root}/minutes/2024-01-17-accountability.md`
    const document = documentOf(path, fileText(files, path))
    const unknown = (await service.getDiagnostics(document)).find((diagnostic) => diagnostic.code === 'unknown-recommendation')
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.includes('(R52)'))
    const character = lineAt(document.getText(), line).indexOf('R52')
    assert(unknown, 'an unknown-recommendation diagnostic')
    expect(unknown).toMatchObject({
      range: { start: { line, character }, end: { line, character: character + 3 } },
      severity: 1,
      source: 'followthrough',
      data: { ruleId: 'unknown-recommendation', suggestions: ['R5', 'R42'] }
    })
    expect(messageText(unknown)).toContain('R52')
    expect(unknown.codeDescription?.href).toContain('#unknown-recommendation')
  })

  it('reports schema problems of a register and the config at their positions', async () => {
    const register = smallRegister().replace('    owners: [council]\n', '    owners: [counsil]\n')
    const files = { [`${root}/recommendations.yaml`]: register, [`${root}/followthrough.config.json`]: '{ "minutes": ["minutes/**/*.md"] }' }
    const { service, fs } = await serviceOver(files)
    const registerDocument = documentOf(`${root}/recommendations.yaml`, register)
    const line = register.split('\n').findIndex((text) => text.includes('counsil'))
    const character = lineAt(register, line).indexOf('counsil')
    expect((await service.getDiagnostics(registerDocument)).map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.message])).toEqual([
      [
        'invalid-register',
        { start: { line, character }, end: { line, character: character + 'counsil'.length } },
        'Unexpected owner "counsil" in R1, expected one of the register\'s owners (council)'
      ]
    ])
    fs.write(`${root}/followthrough.config.json`, '{ "minutes": ["minutes/**/*.md"], "registrs": [] }')
    await service.didChangeWatchedFiles([{ uri: pathToUri(`${root}/followthrough.config.json`), type: 2 }])
    const config = await service.getFileDiagnostics(pathToUri(`${root}/followthrough.config.json`))
    expect(config.map((diagnostic) => [diagnostic.code, diagnostic.range.start, diagnostic.message])).toEqual([
      ['invalid-config', { line: 0, character: 34 }, 'Unexpected key "registrs", expected "registers"']
    ])
  })

  it('shows a register being typed with errors, and keeps checking minutes against its last good version', async () => {
    const path = `${root}/minutes/2023-04-17.md`
    const { service } = await serviceOver({ [`${root}/recommendations.yaml`]: smallRegister(), [path]: minutes('2023-04-17', 'R3 and R15.') })
    const note = documentOf(path, minutes('2023-04-17', 'R3 and R15.'))
    await service.didOpen(note)
    expect((await service.getDiagnostics(note)).map((diagnostic) => diagnostic.message)).toEqual([expect.stringContaining('unknown recommendation R15')])
    const broken = documentOf(`${root}/recommendations.yaml`, `${smallRegister(undefined, 15)}  - id: [unclosed\n`, 2)
    await service.didOpen(broken)
    const registerProblems = await service.getDiagnostics(broken)
    expect(registerProblems.map((diagnostic) => diagnostic.code)).toContain('yaml-syntax')
    // The unclosed list runs to the end of the file, where YAML gives up.
    expect(registerProblems[0]?.range.start.line).toBeGreaterThanOrEqual(smallRegister(undefined, 15).split('\n').length - 1)
    // R15 is in the broken text but not in the last good register: the minutes still say so, and nothing crashed.
    expect((await service.getDiagnostics(note)).map((diagnostic) => diagnostic.message)).toEqual([expect.stringContaining('unknown recommendation R15')])
    const fixed = documentOf(`${root}/recommendations.yaml`, smallRegister(undefined, 15), 3)
    await service.didChange(fixed)
    expect(await service.getDiagnostics(fixed)).toEqual([])
    expect(await service.getDiagnostics(note)).toEqual([])
  })

  it('handles an empty document, one without front matter, a reference at the very end, and CRLF', async () => {
    const { service } = await serviceOver({ [`${root}/recommendations.yaml`]: smallRegister() })
    const empty = documentOf(`${root}/minutes/empty.md`, '')
    expect((await service.getDiagnostics(empty)).map((diagnostic) => [diagnostic.code, diagnostic.range])).toEqual([
      ['missing-front-matter', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]
    ])
    const bare = documentOf(`${root}/minutes/bare.md`, 'Discussed R99')
    expect((await service.getDiagnostics(bare)).map((diagnostic) => [diagnostic.code, diagnostic.range.start, diagnostic.range.end])).toEqual([
      ['missing-front-matter', { line: 0, character: 0 }, { line: 0, character: 0 }],
      ['unknown-recommendation', { line: 0, character: 10 }, { line: 0, character: 13 }]
    ])
    const crlf = documentOf(`${root}/minutes/crlf.md`, minutes('2023-04-17', 'First R1.\n\nThen R99').replaceAll('\n', '\r\n'))
    const found = (await service.getDiagnostics(crlf)).find((diagnostic) => diagnostic.code === 'unknown-recommendation')
    expect(found?.range).toEqual({ start: { line: 10, character: 5 }, end: { line: 10, character: 8 } })
  })

  it('gives nothing for Markdown outside the minutes globs, and for unknown files', async () => {
    const { service } = await serviceOver({ [`${root}/recommendations.yaml`]: smallRegister() })
    expect(await service.getDiagnostics(documentOf(`${root}/README.md`, 'R99'))).toEqual([])
    expect(await service.getFileDiagnostics('file:///elsewhere/x.txt')).toEqual([])
  })

  it('checks minutes against two registers (qualified references, the front matter register)', async () => {
    const { service } = await serviceOver({
      [`${root}/followthrough.config.json`]: '{ "registers": ["a.yaml", "b.yaml"] }',
      [`${root}/a.yaml`]: smallRegister('alpha', 3),
      [`${root}/b.yaml`]: smallRegister('beta', 20)
    })
    const note = documentOf(`${root}/minutes/x.md`, minutes('2023-04-17', 'alpha:R2, beta:R15, alpha:R15 and R1.'))
    expect((await service.getDiagnostics(note)).map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.character}`)).toEqual([
      'unknown-recommendation 20',
      'ambiguous-reference 34'
    ])
    const chosen = documentOf(`${root}/minutes/y.md`, minutes('2023-04-17', 'R15 and R1.', 'register: beta\n'))
    expect(await service.getDiagnostics(chosen)).toEqual([])
  })
})

describe('a workspace held in memory', () => {
  it('needs no disk: MemoryFileSystem passes as the workspace', async () => {
    const fs = new MemoryFileSystem(telfordFiles())
    const service = createLanguageService({ workspace: memoryWorkspace(fs) })
    await service.ready()
    expect((await service.getFileDiagnostics(pathToUri(`${root}/minutes/2024-01-17-accountability.md`))).length).toBeGreaterThan(0)
  })
})
