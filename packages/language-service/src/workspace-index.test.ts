import { MemoryFileSystem } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { documentOf, fileText, memoryWorkspace, messageText, minutes, root, serviceOver, smallRegister } from '../test/helpers.js'
import { WorkspaceIndex } from './workspace-index.js'
import { pathToUri } from './uri.js'

const silent = { log() {} }

describe('WorkspaceIndex', () => {
  it('parses each version once and re-parses only around a one-character edit', async () => {
    const fs = new MemoryFileSystem({ [`${root}/recommendations.yaml`]: smallRegister() })
    const index = new WorkspaceIndex(memoryWorkspace(fs), silent)
    const body = Array.from({ length: 100 }, (_, n) => `Paragraph ${n} on R${(n % 14) + 1}.`).join('\n\n')
    const text = minutes('2024-01-01', body)
    const first = await index.place(documentOf(`${root}/minutes/a.md`, text, 1))
    const again = await index.place(documentOf(`${root}/minutes/a.md`, text, 1))
    expect(again.minutes).toBe(first.minutes)
    const at = text.indexOf('Paragraph 50') + 3
    const edited = await index.place(documentOf(`${root}/minutes/a.md`, `${text.slice(0, at)}x${text.slice(at)}`, 2))
    expect(edited.minutes).not.toBe(first.minutes)
    expect(edited.minutes?.stats.mode).toBe('incremental')
    expect(edited.kind).toBe('minutes')
    index.dispose()
  })

  it('re-checks open minutes when the register changes, and says which documents to publish again', async () => {
    const note = `${root}/minutes/a.md`
    const { service, fs } = await serviceOver({ [`${root}/recommendations.yaml`]: smallRegister(), [note]: minutes('2024-01-01', 'R15 and R2.') })
    const events: string[][] = []
    service.onDidChangeDiagnostics((uris) => events.push(uris))
    const document = documentOf(note, minutes('2024-01-01', 'R15 and R2.'))
    await service.didOpen(document)
    expect(events.at(-1)).toEqual([document.uri])
    expect((await service.getDiagnostics(document)).map((diagnostic) => diagnostic.code)).toEqual(['unknown-recommendation'])
    fs.write(`${root}/recommendations.yaml`, smallRegister('iitcse', 15))
    await service.didChangeWatchedFiles([{ uri: pathToUri(`${root}/recommendations.yaml`), type: 2 }])
    expect(events.at(-1)).toEqual(expect.arrayContaining([document.uri, pathToUri(`${root}/recommendations.yaml`)]))
    expect(await service.getDiagnostics(document)).toEqual([])
  })

  it('lets go of deleted files and follows the config when its globs change', async () => {
    const { service, fs } = await serviceOver({
      [`${root}/recommendations.yaml`]: smallRegister(),
      [`${root}/minutes/a.md`]: minutes('2024-01-01', 'R1.'),
      [`${root}/notes/b.md`]: minutes('2024-02-01', 'R1.')
    })
    const register = documentOf(`${root}/recommendations.yaml`, smallRegister())
    const count = async () => (await service.getReferences(register, { line: 8, character: 9 }, { includeDeclaration: false })).length
    expect(await count()).toBe(1)
    fs.write(`${root}/followthrough.config.json`, '{ "minutes": ["minutes/**/*.md", "notes/*.md"] }')
    await service.didChangeWatchedFiles([{ uri: pathToUri(`${root}/followthrough.config.json`), type: 1 }])
    expect(await count()).toBe(2)
    fs.delete(`${root}/minutes/a.md`)
    await service.didChangeWatchedFiles([{ uri: pathToUri(`${root}/minutes/a.md`), type: 3 }])
    expect(await count()).toBe(1)
    expect(await service.getFileDiagnostics(pathToUri(`${root}/minutes/a.md`))).toEqual([])
  })

  it('goes back to the file on disk when the editor closes a document', async () => {
    const path = `${root}/minutes/a.md`
    const { service } = await serviceOver({ [`${root}/recommendations.yaml`]: smallRegister(), [path]: minutes('2024-01-01', 'R1.') })
    const unsaved = documentOf(path, minutes('2024-01-01', 'R99.'))
    await service.didOpen(unsaved)
    expect((await service.getFileDiagnostics(pathToUri(path))).map((diagnostic) => diagnostic.code)).toEqual(['unknown-recommendation'])
    await service.didClose(unsaved.uri)
    expect(await service.getFileDiagnostics(pathToUri(path))).toEqual([])
  })

  it('gives each root folder its own config (multi-root), and adds and removes folders', async () => {
    const { service } = await serviceOver(
      {
        '/one/recommendations.yaml': smallRegister('one', 3),
        '/two/followthrough.config.json': '{ "registers": ["r.yaml"], "minutes": ["*.md"] }',
        '/two/r.yaml': smallRegister('two', 30)
      },
      [pathToUri('/one')]
    )
    const inTwo = documentOf('/two/x.md', minutes('2024-01-01', 'R20.'))
    await service.didChangeWorkspaceFolders([pathToUri('/two')], [])
    expect(await service.getDiagnostics(inTwo)).toEqual([])
    const inOne = documentOf('/one/minutes/x.md', minutes('2024-01-01', 'R20.'))
    expect((await service.getDiagnostics(inOne)).map((diagnostic) => diagnostic.code)).toEqual(['unknown-recommendation'])
    await service.didChangeWorkspaceFolders([], [pathToUri('/two')])
    // The file now belongs to a folder of its own, found from its directory: the same config.
    expect(await service.getDiagnostics(documentOf('/two/x.md', minutes('2024-01-01', 'R20.'), 2))).toEqual([])
  })

  it('serves a file outside every folder from the nearest folder with a register, and never throws on odd input', async () => {
    const { service, logs } = await serviceOver({ '/loose/recommendations.yaml': smallRegister() }, [])
    const loose = documentOf('/loose/minutes/x.md', minutes('2024-01-01', 'R99.'))
    expect((await service.getDiagnostics(loose)).map((diagnostic) => diagnostic.code)).toEqual(['unknown-recommendation'])
    // Documents that are not files get nothing, and scan no disk.
    const untitled = { uri: 'untitled:Untitled-1.md', version: 1, getText: () => 'R99', positionAt: () => ({ line: 0, character: 0 }), offsetAt: () => 0 }
    await service.didOpen(untitled)
    expect(await service.getDiagnostics(untitled)).toEqual([])
    expect(await service.getHover(untitled, { line: 0, character: 1 })).toBeUndefined()
    expect(await service.getFileDiagnostics('untitled:Untitled-1.md')).toEqual([])
    const odd = documentOf('/loose/minutes/odd.md', '\u0000\uFFFF<<<>>> ``` [[R1]] ---\n---')
    await service.didOpen(odd)
    expect(Array.isArray(await service.getDiagnostics(odd))).toBe(true)
    expect(await service.getHover(odd, { line: 99, character: 99 })).toBeUndefined()
    expect(logs.filter((line) => line.startsWith('error'))).toEqual([])
  })
})

describe('workspace findings stay exact as files change', () => {
  const register = `inquiry:\n  id: iitcse\n  title: T\n  published: 2022-07-12\nowners:\n  - id: council\n    name: Council\nrecommendations:\n  - id: R1\n    title: One\n    owners: [council]\n  - id: R2\n    title: Two\n    owners: [council]\n`
  const table = (status: string) => `| ID | Status |\n| --- | --- |\n| R1 | ${status} |`

  /** What the CLI would say about one file: the engine over every file as it is now. */
  async function cli(texts: Record<string, string>, path: string): Promise<string[]> {
    const { allFindings, listMinutes, loadWorkspace, readMinutes } = await import('@followthrough/engine')
    const fs = new MemoryFileSystem(texts)
    const workspace = await loadWorkspace(fs, root)
    const analyses = await Promise.all((await listMinutes(fs, workspace)).map((file) => readMinutes(fs, file, workspace)))
    return allFindings(workspace, analyses)
      .filter((finding) => finding.file === path)
      .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`)
  }

  it('after edits to positions, to references, and to status updates elsewhere', async () => {
    const a = `${root}/minutes/2023-01-01.md`
    const b = `${root}/minutes/2023-06-01.md`
    const texts: Record<string, string> = {
      [`${root}/recommendations.yaml`]: register,
      [a]: minutes('2023-01-01', table('implemented')),
      [b]: minutes('2023-06-01', 'We discussed R1 again.')
    }
    const { service } = await serviceOver(texts)
    let version = 1
    const show = async (path: string, text: string) => {
      texts[path] = text
      const document = documentOf(path, text, ++version)
      await service.didChange(document)
      const diagnostics = await service.getDiagnostics(documentOf(b, fileText(texts, b), version + 1000))
      return diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${String(diagnostic.code)} ${messageText(diagnostic)}`)
    }
    const steps: Array<[string, string]> = [
      [b, minutes('2023-06-01', 'Then we discussed R1 again.')],
      [b, minutes('2023-06-01', 'Then we discussed R1 and R1 again.')],
      [b, minutes('2023-06-01', `Then we discussed R1 and R2 again.\n\n${table('in progress')}`)],
      [b, minutes('2023-06-01', `First: then we discussed R1 and R2 again.\n\n${table('in progress')}`)],
      [a, minutes('2023-01-01', table('blocked'))],
      [a, minutes('2023-01-01', table('rejected'))]
    ]
    for (const [path, text] of steps) {
      const got = await show(path, text)
      expect(got).toEqual(await cli(texts, b))
    }
  })
})

describe('bulk analysis', () => {
  it('hands the first index to the bulk analyzer, and falls back to one file at a time when it fails', async () => {
    const { readMinutes } = await import('@followthrough/engine')
    const files: Record<string, string> = { [`${root}/recommendations.yaml`]: smallRegister() }
    for (let n = 0; n < 45; n++) files[`${root}/minutes/${String(n).padStart(2, '0')}.md`] = minutes('2024-01-01', `R${(n % 20) + 1}.`)
    const fs = new MemoryFileSystem(files)
    const calls: number[] = []
    const { createLanguageService } = await import('./language-service.js')
    const service = createLanguageService({
      workspace: memoryWorkspace(fs),
      analyze: async (paths, context) => {
        calls.push(paths.length)
        return Promise.all(paths.map((path) => readMinutes(fs, path, { context })))
      }
    })
    await service.ready()
    expect(calls).toEqual([45])
    expect((await service.getFileDiagnostics(pathToUri(`${root}/minutes/16.md`))).map((diagnostic) => diagnostic.code)).toEqual(['unknown-recommendation'])
    const logs: string[] = []
    const failing = createLanguageService({
      workspace: memoryWorkspace(fs),
      logger: { log: (level, message) => logs.push(`${level} ${message}`) },
      analyze: async () => Promise.reject(new Error('no workers'))
    })
    await failing.ready()
    expect(logs).toEqual(['warn Bulk analysis failed, analysing one file at a time: Error: no workers'])
    expect((await failing.getFileDiagnostics(pathToUri(`${root}/minutes/16.md`))).map((diagnostic) => diagnostic.code)).toEqual(['unknown-recommendation'])
  })
})
