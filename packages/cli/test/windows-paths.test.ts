/**
 * The CLI in a workspace on a Windows drive, through `main(argv, io)` over a
 * file system in memory: the working folder spelled as `process.cwd()` spells
 * it on Windows (`C:\Users\x\inquiry`), output paths relative to it with `/`.
 */
import { MemoryFileSystem } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { minutes, register, runInProcess } from './workspace.js'

const root = 'C:/Users/x/inquiry'
const cwd = 'C:\\Users\\x\\inquiry'

function drive(): MemoryFileSystem {
  return new MemoryFileSystem({
    [`${root}/followthrough.config.json`]: '{ "registers": ["data/recommendations.yaml"] }',
    [`${root}/data/recommendations.yaml`]: register,
    [`${root}/minutes/2023-04-17.md`]: minutes('2023-04-17', 'We discussed R1 and R9.\n'),
    [`${root}/minutes/2023-05-01.md`]: minutes('2023-05-01', 'R2 is in progress.\n')
  })
}

function run(argv: string[], fs: MemoryFileSystem, at = cwd): Promise<{ code: number; stdout: string; stderr: string }> {
  return runInProcess(argv, fs, at)
}

describe('a workspace on a Windows drive', () => {
  it('lints the configured minutes and names them relative to the working folder', async () => {
    const result = await run(['lint', '--format', 'json'], drive())
    expect(result.stderr).toBe('')
    expect((JSON.parse(result.stdout) as Array<{ file: string; line: number; column: number; ruleId: string }>).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'minutes/2023-04-17.md:9:21 unknown-recommendation'
    ])
    expect(result.code).toBe(1)
  })

  it('lints files named with backslashes and globs from a subfolder', async () => {
    const named = await run(['lint', '--format', 'json', 'minutes\\2023-04-17.md'], drive())
    expect(named.stderr).toBe('')
    expect((JSON.parse(named.stdout) as Array<{ file: string }>).map((f) => f.file)).toEqual(['minutes/2023-04-17.md'])
    const globbed = await run(['lint', '--format', 'json', '*.md'], drive(), `${cwd}\\minutes`)
    expect(globbed.stderr).toBe('')
    expect((JSON.parse(globbed.stdout) as Array<{ file: string }>).map((f) => f.file)).toEqual(['2023-04-17.md'])
  })

  it('shows stylish output with drive-relative names', async () => {
    const result = await run(['lint'], drive())
    expect(result.stdout.split('\n')[0]).toBe('minutes/2023-04-17.md')
    expect(result.stdout).toContain('9:21')
    expect(result.code).toBe(1)
  })

  it('fixes files on the drive in place, and says which, relative to the working folder', async () => {
    const fs = drive()
    fs.write(`${root}/followthrough.config.json`, '{ "registers": ["data/recommendations.yaml"], "referenceStyle": "id" }')
    fs.write(`${root}/minutes/2023-05-01.md`, minutes('2023-05-01', 'We discussed Recommendation 2 today.\n'))
    const result = await run(['lint', '--fix', '--format', 'json', 'minutes/2023-05-01.md'], fs)
    expect(result.stderr).toBe('followthrough: fixed 1 problem in minutes/2023-05-01.md\n')
    expect(result.stdout).toBe('[]\n')
    expect(result.code).toBe(0)
    expect(fs.text(`${root}/minutes/2023-05-01.md`)).toContain('We discussed R2 today.')
    expect([...fs.files.keys()].filter((path) => path.endsWith('.tmp'))).toEqual([])
  })

  it('writes the report on the drive and says where, relative to the working folder', async () => {
    const fs = drive()
    const result = await run(['report', '--out', 'out\\report.html'], fs)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('Wrote out/report.html\n')
    expect(result.code).toBe(0)
    expect(fs.text(`${root}/out/report.html`)).toContain('../minutes/2023-04-17.md')
  })
})
