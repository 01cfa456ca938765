import { MemoryFileSystem } from '@followthrough/engine'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { describe, expect, it } from 'vitest'
import { fileText, markdown, memoryWorkspace, minutes, positionOf, root as posixRoot, serviceOver, telfordFiles, today } from '../test/helpers.js'
import { createLanguageService, type LanguageService } from './language-service.js'
import type { ITextDocument } from './interfaces.js'

// The example workspace on a Windows drive, as a Windows editor and disk give
// it: VS Code names the folder `file:///c%3A/Users/x/telford`, other clients
// `file:///C:/Users/x/telford`, and the disk lists `C:/Users/x/telford/...`.

const root = 'C:/Users/x/telford'
/** The folder's URI as VS Code writes it: drive letter lower-cased, colon encoded. */
const folderUri = 'file:///c%3A/Users/x/telford'
const april = 'minutes/2023-04-17-accountability.md'
const posixFiles = telfordFiles()
const files = Object.fromEntries(Object.entries(posixFiles).map(([path, text]) => [`${root}${path.slice(posixRoot.length)}`, text]))

/** A document of the drive workspace, named by a URI the editor chose. */
function documentAt(uri: string, text: string, version = 1): ITextDocument {
  return TextDocument.create(uri, uri.endsWith('.md') ? 'markdown' : 'yaml', version, text)
}

async function driveService(folders: string[] = [folderUri], extra: Record<string, string> = {}): Promise<{ service: LanguageService; logs: string[]; changed: string[][] }> {
  const fs = new MemoryFileSystem({ ...files, ...extra })
  const logs: string[] = []
  const changed: string[][] = []
  const service = createLanguageService({ workspace: memoryWorkspace(fs, folders), today: () => today, logger: { log: (level, message) => logs.push(`${level}: ${message}`) } })
  service.onDidChangeDiagnostics((uris) => changed.push(uris))
  await service.ready()
  return { service, logs, changed }
}

describe('a workspace on a Windows drive', () => {
  it('gives the same diagnostics as the same workspace on a POSIX path, for minutes open under either spelling of the URI', async () => {
    const body = minutes('2024-11-01', 'We discussed R12, R99 and R3–R5.')
    const { service: posix } = await serviceOver({ ...posixFiles, [`${posixRoot}/minutes/2024-11-01.md`]: body })
    const expected = await posix.getDiagnostics(documentAt(`file://${posixRoot}/minutes/2024-11-01.md`, body))
    expect(expected.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${String(diagnostic.code)}`)).toEqual([
      '8:13 discussed-after-closure',
      '8:18 unknown-recommendation',
      '8:26 discussed-after-closure',
      '8:26 discussed-after-closure',
      '8:26 discussed-after-closure'
    ])
    const { service, logs } = await driveService([folderUri], { [`${root}/minutes/2024-11-01.md`]: body })
    expect(await service.getDiagnostics(documentAt(`${folderUri}/minutes/2024-11-01.md`, body))).toEqual(expected)
    expect(await service.getDiagnostics(documentAt(`file:///C:/Users/x/telford/minutes/2024-11-01.md`, body))).toEqual(expected)
    expect(logs).toEqual([])
  })

  it('takes the folder as a Windows path with backslashes too', async () => {
    const { service, logs } = await driveService(['C:\\Users\\x\\telford'])
    const document = documentAt(`${folderUri}/minutes/x.md`, minutes('2024-11-01', 'About R99.'))
    expect((await service.getDiagnostics(document)).map((diagnostic) => diagnostic.code)).toEqual(['unknown-recommendation'])
    expect(logs).toEqual([])
  })

  it('checks the register and config by URI, open or not', async () => {
    const { service } = await driveService()
    expect(await service.getFileDiagnostics(`${folderUri}/recommendations.yaml`)).toEqual([])
    const broken = documentAt(`${folderUri}/recommendations.yaml`, 'recommendations: [')
    const diagnostics = await service.getDiagnostics(broken)
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['yaml-syntax'])
  })

  it('resolves definitions, links, hovers and references to drive-letter URIs, in the editor’s spelling when it has the file open', async () => {
    const { service } = await driveService()
    const document = documentAt(`${folderUri}/${april}`, fileText(files, `${root}/${april}`))
    const at = positionOf(document, 'Recommendation* 12', 3)
    const [definition] = await service.getDefinition(document, at)
    expect(definition?.uri).toBe(`${folderUri}/recommendations.yaml`)
    const links = await service.getDocumentLinks(document)
    expect(links[0]?.target).toMatch(/^file:\/\/\/c%3A\/Users\/x\/telford\/recommendations\.yaml#L\d+$/)
    expect(markdown(await service.getHover(document, positionOf(document, 'Recommendation* 12', 18)))).toContain(
      `**Last discussed:** 2024-10-16 in [2024-10-16-accountability.md](${folderUri}/minutes/2024-10-16-accountability.md)`
    )
    const references = await service.getReferences(document, at, { includeDeclaration: true })
    expect(references.map((location) => location.uri)).toContain(`${folderUri}/recommendations.yaml`)
    expect(references.map((location) => location.uri)).toContain(`${folderUri}/${april}`)
    expect(references.every((location) => location.uri.startsWith(`${folderUri}/`))).toBe(true)
    // The register open under another spelling: results name it as the editor does.
    const register = documentAt('file:///C:/Users/x/telford/recommendations.yaml', fileText(files, `${root}/recommendations.yaml`))
    await service.didOpen(register)
    expect((await service.getDefinition(document, at))[0]?.uri).toBe('file:///C:/Users/x/telford/recommendations.yaml')
  })

  it('renames across the drive workspace, edits keyed by drive-letter URIs', async () => {
    const { service } = await driveService()
    const document = documentAt(`${folderUri}/${april}`, fileText(files, `${root}/${april}`))
    const edit = await service.getRenameEdit(document, positionOf(document, 'Recommendation* 12', 17), 'R48')
    const uris = Object.keys(edit?.changes ?? {})
    expect(uris).toContain(`${folderUri}/recommendations.yaml`)
    expect(uris.filter((uri) => uri.startsWith(`${folderUri}/minutes/`)).length).toBe(7)
  })

  it('tells the editor which documents changed, in its own spelling', async () => {
    const { service, changed } = await driveService()
    changed.length = 0
    const uri = 'file:///C:/Users/x/telford/minutes/new.md'
    await service.didOpen(documentAt(uri, minutes('2024-11-01', 'R99.')))
    expect(changed.flat()).toContain(uri)
  })

  it('gives a file opened outside every folder the folder of the config above it, up to the drive root', async () => {
    const { service, logs } = await driveService([], {
      'D:/inquiry/followthrough.config.json': '{ "registers": ["r.yaml"], "minutes": ["notes/*.md"] }',
      'D:/inquiry/r.yaml': fileText(files, `${root}/recommendations.yaml`)
    })
    const inside = documentAt('file:///d%3A/inquiry/notes/a.md', minutes('2024-11-01', 'R12 and R99.'))
    expect((await service.getDiagnostics(inside)).map((diagnostic) => diagnostic.code)).toEqual(['unknown-recommendation'])
    expect((await service.getDefinition(inside, positionOf(inside, 'R12', 1)))[0]?.uri).toBe('file:///d%3A/inquiry/r.yaml')
    const alone = documentAt('file:///e%3A/loose/b.md', minutes('2024-11-01', 'R1.'))
    expect(await service.getDiagnostics(alone)).toEqual([])
    expect(logs).toEqual([])
  })
})
