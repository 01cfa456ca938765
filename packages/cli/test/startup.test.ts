import { execFile } from 'node:child_process'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { bin, minutes, register, workspace } from './workspace.js'

// What the bin loads, recorded by a module hook: `--help`, `--version` and a
// usage error must answer without loading a command's modules (the engine,
// remark, YAML, zod), which is most of the start-up time of a short run.
const hooks = workspace({
  'register.mjs': "import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url, { data: process.env.FOLLOWTHROUGH_LOADED })\n",
  'hooks.mjs':
    "import { appendFileSync } from 'node:fs'\nlet log\nexport function initialize(data) { log = data }\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(log, url + '\\n')\n  return next(url, context)\n}\n"
})
afterAll(() => {
  hooks.cleanup()
})

let runs = 0

/** Run the bin; resolves with its exit code, output and the files of JavaScript it loaded. */
function runRecorded(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; loaded: string[] }> {
  const log = join(hooks.root, `loaded-${++runs}.txt`)
  writeFileSync(log, '')
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', pathToFileURL(join(hooks.root, 'register.mjs')).href, bin, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1', FOLLOWTHROUGH_LOADED: log } },
      (error, stdout, stderr) => {
        const loaded = readFileSync(log, 'utf8')
          .split('\n')
          .filter((url) => url !== '' && !url.startsWith(pathToFileURL(hooks.root).href))
          .map((url) => fileURLToPath(url))
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, loaded })
      }
    )
  })
}

const bytes = (files: readonly string[]) => files.reduce((total, file) => total + statSync(file).size, 0)

/** Names only the engine and its libraries hold (a rule id, micromark's fenced code, yaml's and zod's classes): they survive minification. */
const engineModules = /discussed-after-closure|codeFenced|YAMLParseError|ZodType/

describe('the bin loads a command only when asked for it', () => {
  it.each([
    [['--help'], 0, /^Usage: followthrough <command>/],
    [['--version'], 0, /^\d+\.\d+\.\d+\n$/],
    [['-v'], 0, /^\d+\.\d+\.\d+\n$/]
  ])('%j answers without the engine, remark, YAML or zod', async (args, code, stdout) => {
    const result = await runRecorded(args, hooks.root)
    expect(result.code).toBe(code)
    expect(result.stdout).toMatch(stdout)
    expect(result.loaded.some((file) => file.endsWith(join('bin', 'followthrough.js')))).toBe(true)
    for (const file of result.loaded) expect(readFileSync(file, 'utf8'), file).not.toMatch(engineModules)
    expect(bytes(result.loaded)).toBeLessThan(64 * 1024)
  })

  it('a usage error is reported without loading them either', async () => {
    const result = await runRecorded(['lint', '--no-such-option'], hooks.root)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe("followthrough: Unknown option '--no-such-option'\n")
    for (const file of result.loaded) expect(readFileSync(file, 'utf8'), file).not.toMatch(engineModules)
  })

  it('lint loads them, and works', async () => {
    const folder = workspace({ 'recommendations.yaml': register, 'minutes/2023-04-17.md': minutes('2023-04-17', 'We discussed R7 today.\n') })
    try {
      const result = await runRecorded(['lint', '--format', 'json'], folder.root)
      expect(result.code).toBe(1)
      expect(JSON.parse(result.stdout)).toMatchObject([{ ruleId: 'unknown-recommendation', line: 9, column: 14 }])
      expect(result.loaded.some((file) => engineModules.test(readFileSync(file, 'utf8')))).toBe(true)
      // The spreadsheet library and the MCP SDK are for export and mcp only.
      for (const file of result.loaded) expect(readFileSync(file, 'utf8'), file).not.toMatch(/xl\/workbook\.xml|McpServer/)
    } finally {
      folder.cleanup()
    }
  })

  it('stylish output loads the grapheme segmenter (string-width) only for a message that is not plain ASCII', async () => {
    const segmenter = /RGI_Emoji/
    const ascii = workspace({ 'recommendations.yaml': register, 'minutes/2023-04-17.md': minutes('2023-04-17', 'We discussed R7 today.\n') })
    const wide = workspace({
      'recommendations.yaml': register,
      'minutes/2023-04-17.md': minutes('2023-04-17', '| Recommendation | Status |\n| --- | --- |\n| R1 | Fait–à-moitié |\n\nWe discussed R7 today.\n')
    })
    try {
      const plain = await runRecorded(['lint'], ascii.root)
      expect(plain.code).toBe(1)
      expect(plain.stdout).toMatch(/^minutes\/2023-04-17\.md\n9:14-9:16 +error +Unexpected unknown recommendation R7/)
      expect(plain.loaded.some((file) => segmenter.test(readFileSync(file, 'utf8')))).toBe(false)

      const accented = await runRecorded(['lint'], wide.root)
      expect(accented.code).toBe(1)
      expect(accented.loaded.some((file) => segmenter.test(readFileSync(file, 'utf8')))).toBe(true)
      // Columns still line up: the accented status counts one column per letter.
      const rows = accented.stdout.split('\n').filter((line) => /^\d+:\d+-/.test(line))
      expect(rows).toHaveLength(2)
      const [first, second] = rows.map((row) => row.search(/unknown-/))
      expect(second).toBe(first)
    } finally {
      ascii.cleanup()
      wide.cleanup()
    }
  })
})
