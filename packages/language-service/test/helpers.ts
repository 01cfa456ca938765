import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MemoryFileSystem } from '@followthrough/engine'
import { TextDocument } from 'vscode-languageserver-textdocument'
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types'
import { createLanguageService, type LanguageService } from '../src/language-service.js'
import type { ITextDocument, IWorkspace } from '../src/interfaces.js'
import { pathToUri } from '../src/uri.js'

/** The repository's example workspace on disk. */
export const telfordOnDisk = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'telford')

/** Where tests put the example workspace in memory. */
export const root = '/telford'

/** The example workspace's files (config, register, minutes), keyed by path under `root`. */
export function telfordFiles(): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.(md|ya?ml|json)$/.test(name)) files[`${root}/${relative(telfordOnDisk, path).replaceAll('\\', '/')}`] = readFileSync(path, 'utf8')
    }
  }
  walk(telfordOnDisk)
  return files
}

/** An IWorkspace over files in memory. */
export function memoryWorkspace(fs: MemoryFileSystem, folders: string[] = [pathToUri(root)]): IWorkspace {
  return { folders, readFile: (path) => fs.readFile(path), exists: (path) => fs.exists(path), glob: (patterns, cwd) => fs.glob(patterns, cwd) }
}

/** The fixed "today" of the tests, after the last example meeting. */
export const today = '2024-11-28'

/** A service over files in memory, ready (indexed). */
export async function serviceOver(files: Record<string, string>, folders?: string[]): Promise<{ service: LanguageService; fs: MemoryFileSystem; logs: string[] }> {
  const fs = new MemoryFileSystem(files)
  const logs: string[] = []
  const service = createLanguageService({ workspace: memoryWorkspace(fs, folders), today: () => today, logger: { log: (level, message) => logs.push(`${level}: ${message}`) } })
  await service.ready()
  return { service, fs, logs }
}

/** A document as an editor has it. */
export function documentOf(path: string, text: string, version = 1): ITextDocument {
  return TextDocument.create(pathToUri(path), path.endsWith('.md') ? 'markdown' : 'yaml', version, text)
}

/** The position of the `nth` occurrence of `needle` in a document, plus `shift` characters. */
export function positionOf(document: ITextDocument, needle: string, shift = 0, nth = 0): Position {
  const text = document.getText()
  let at = -1
  for (let count = 0; count <= nth; count++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`No ${JSON.stringify(needle)} (${nth}) in ${document.uri}`)
  }
  return document.positionAt(at + shift)
}

/** Minutes with front matter and a body. */
export function minutes(date: string, body: string, extra = ''): string {
  return `---\nmeeting: accountability\ndate: ${date}\ntitle: Meeting\nchair: John Campion\nattendees: [Pippa Mills]\n${extra}---\n\n${body}\n`
}

/** A small register. */
export function smallRegister(id = 'iitcse', count = 14): string {
  const entries = Array.from({ length: count }, (_, index) => `  - id: R${index + 1}\n    title: Recommendation number ${index + 1} on training\n    owners: [council]`).join('\n')
  return `inquiry:\n  id: ${id}\n  title: Inquiry ${id}\n  published: 2022-07-12\nowners:\n  - id: council\n    name: Telford & Wrekin Council\nrecommendations:\n${entries}\n`
}

/** The Markdown of a hover; fails the test when there is no hover or it is not one Markdown text (the service's hovers always are). */
export function markdown(hover: Hover | undefined): string {
  const contents = hover?.contents
  if (typeof contents !== 'object' || Array.isArray(contents) || !('kind' in contents) || contents.kind !== 'markdown')
    throw new Error(`Expected a Markdown hover, got ${JSON.stringify(hover)}`)
  return contents.value
}

/** A file of a set of files by path; fails the test when the set has no such file. */
export function fileText(files: Readonly<Record<string, string>>, path: string): string {
  const text = files[path]
  if (text === undefined) throw new Error(`No file ${path} among ${Object.keys(files).join(', ')}`)
  return text
}

/** Line `line` (0-based) of a text; fails the test when the text is shorter. */
export function lineAt(text: string, line: number): string {
  const found = text.split('\n')[line]
  if (found === undefined) throw new Error(`No line ${line} in a text of ${text.split('\n').length} lines`)
  return found
}

/** A diagnostic's message as text (the service writes plain text; Markdown would be its `value`). */
export function messageText(diagnostic: Pick<Diagnostic, 'message'>): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
}
