/**
 * The .vsix: built with @vscode/vsce as `npm run package` builds it, then
 * read back: what it ships, what it must not, and its size.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inflateRawSync } from 'node:zlib'
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; main: string }

interface Entry {
  name: string
  size: number
  compressed: number
  method: number
  offset: number
}

/** The entries of a zip file, from its central directory. */
function zipEntries(zip: Buffer): Entry[] {
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a zip file')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const entries: Entry[] = []
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory')
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength)
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function readEntry(zip: Buffer, entry: Entry): Buffer {
  const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28)
  const data = zip.subarray(start, start + entry.compressed)
  return entry.method === 8 ? inflateRawSync(data) : Buffer.from(data)
}

describe('the .vsix', () => {
  let dir: string
  let file: string
  let zip: Buffer
  let entries: Entry[]

  beforeAll(() => {
    for (const built of ['dist/extension.cjs', 'dist/server.cjs', 'schemas/config.schema.json']) {
      if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first`)
    }
    dir = mkdtempSync(join(tmpdir(), 'followthrough-vsix-'))
    file = join(dir, `followthrough-vscode-${manifest.version}.vsix`)
    const vsce = join(root, 'node_modules', '.bin', 'vsce')
    const bin = existsSync(vsce) ? vsce : resolve(root, '../../node_modules/.bin/vsce')
    execFileSync(bin, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', file], { cwd: root, stdio: 'pipe' })
    zip = readFileSync(file)
    entries = zipEntries(zip)
  })

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  /** The packaged file `name`; fails the test where the .vsix has none. */
  function packaged(name: string): Buffer {
    const entry = entries.find((candidate) => candidate.name === name)
    assert(entry, `${name} in the .vsix`)
    return readEntry(zip, entry)
  }

  it('stays under 1.5 MB', () => {
    expect(statSync(file).size).toBeLessThan(1.5 * 1024 * 1024)
  })

  it('ships the bundles, the schemas, the icon, the README and the licence', () => {
    const names = entries.map((entry) => entry.name)
    for (const name of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/dist/extension.cjs',
      'extension/dist/server.cjs',
      'extension/schemas/config.schema.json',
      'extension/schemas/register.schema.json',
      'extension/images/icon.png',
      'extension/readme.md',
      'extension/LICENSE.txt'
    ]) {
      expect(names.map((n) => n.toLowerCase())).toContain(name.toLowerCase())
    }
  })

  it('ships no node_modules, no sources, no tests, no source maps', () => {
    const names = entries.map((entry) => entry.name)
    expect(names.filter((name) => /node_modules\/|\/src\/|\/test\/|\/out\/|\.ts$|\.map$|\.mjs$|tsconfig|vitest|tsup/.test(name))).toEqual([])
  })

  it('declares untrusted workspaces supported, virtual workspaces not, and its main bundle', () => {
    const packagedManifest = JSON.parse(packaged('extension/package.json').toString('utf8')) as {
      main: string
      capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: { supported: boolean } }
      contributes: { jsonValidation: { url: string }[]; 'markdown.markdownItPlugins'?: boolean; 'markdown.previewStyles'?: string[] }
    }
    expect(packagedManifest.main).toBe(manifest.main)
    expect(packagedManifest.capabilities.untrustedWorkspaces.supported).toBe(true)
    expect(packagedManifest.capabilities.virtualWorkspaces.supported).toBe(false)
    for (const validation of packagedManifest.contributes.jsonValidation) {
      expect(entries.map((entry) => entry.name)).toContain(`extension/${validation.url.replace(/^\.\//, '')}`)
    }
    // The preview's stylesheet and its markdown-it plugin (extendMarkdownIt).
    expect(packagedManifest.contributes['markdown.markdownItPlugins']).toBe(true)
    expect(packagedManifest.contributes['markdown.previewStyles']).toEqual(['./media/preview.css'])
    expect(packaged('extension/media/preview.css').toString('utf8')).toContain('.followthrough-status-implemented')
  })

  it('the server bundle is self-contained (requires only Node built-ins)', () => {
    const server = packaged('extension/dist/server.cjs').toString('utf8')
    const required = [...server.matchAll(/require\("([^"]+)"\)/g)].flatMap((match) => match[1] ?? [])
    const builtins = new Set([
      'assert',
      'buffer',
      'child_process',
      'crypto',
      'events',
      'fs',
      'fs/promises',
      'module',
      'net',
      'os',
      'path',
      'process',
      'stream',
      'string_decoder',
      'tty',
      'url',
      'util',
      'worker_threads',
      'zlib',
      'perf_hooks',
      'v8',
      'readline',
      'http',
      'https',
      'timers',
      'async_hooks'
    ])
    expect(required.filter((name) => !name.startsWith('node:') && !builtins.has(name))).toEqual([])
  })
})
