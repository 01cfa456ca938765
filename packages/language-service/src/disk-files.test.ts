import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { nodeFileSystem } from '@followthrough/engine/node'
import { afterEach, describe, expect, it } from 'vitest'
import { messageText, minutes, smallRegister } from '../test/helpers.js'
import { createLanguageService } from './language-service.js'
import { pathToUri } from './uri.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

describe('a folder on disk with hostile files', () => {
  it('refuses named pipes, links to /dev/zero and files outside the folder, and indexes each file once, without hanging', async () => {
    const root = mkdtempSync(join(tmpdir(), 'followthrough-service-')).replaceAll('\\', '/')
    folders.push(root)
    mkdirSync(join(root, 'minutes', 'sub'), { recursive: true })
    writeFileSync(join(root, 'followthrough.config.json'), JSON.stringify({ registers: ['pipe.yaml', 'zero.yaml', '../outside.yaml', 'recommendations.yaml'] }))
    writeFileSync(join(root, 'recommendations.yaml'), smallRegister())
    execFileSync('mkfifo', [join(root, 'pipe.yaml')])
    symlinkSync('/dev/zero', join(root, 'zero.yaml'))
    execFileSync('mkfifo', [join(root, 'minutes', 'pipe.md')])
    symlinkSync('/dev/zero', join(root, 'minutes', 'zero.md'))
    writeFileSync(join(root, 'minutes', 'a.md'), minutes('2024-01-01', 'R99 came up.'))
    symlinkSync('..', join(root, 'minutes', 'sub', 'loop'))
    const service = createLanguageService({ workspace: { folders: [pathToUri(root)], ...nodeFileSystem } })
    await service.ready()
    const diagnostics = async (relative: string) =>
      (await service.getFileDiagnostics(pathToUri(`${root}/${relative}`))).map(
        (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${messageText(d)}`
      )
    expect(await diagnostics('pipe.yaml')).toEqual(['1:1 unreadable-file Unexpected named pipe (FIFO), expected a regular file (not read)'])
    expect(await diagnostics('zero.yaml')).toEqual([
      `1:1 outside-workspace Unexpected symbolic link to a file outside the workspace folder ${root}, expected a file inside it (not read)`
    ])
    expect(await diagnostics('minutes/zero.md')).toEqual([
      `1:1 outside-workspace Unexpected symbolic link to a file outside the workspace folder ${root}, expected a file inside it (not read)`
    ])
    expect((await diagnostics('minutes/a.md')).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['9:1 unknown-recommendation'])
    // The loop lists a.md once: minutes/sub/loop/a.md is not another minutes file.
    expect(await diagnostics('minutes/sub/loop/a.md')).toEqual([])
    service.dispose()
  })
})
