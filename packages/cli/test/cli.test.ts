import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, assert, describe, expect, it } from 'vitest'
import { minutes, register, run, workspace } from './workspace.js'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function make(files: Record<string, string | Buffer>): string {
  const { root, cleanup } = workspace(files)
  cleanups.push(cleanup)
  return root
}

const clean = {
  'recommendations.yaml': register,
  'minutes/2023-01-18.md': minutes('2023-01-18', '## Progress\n\nRecommendation 1 is under way; R2 next.\n\n- [ ] Council to circulate the plan by 2023-03-31 (R1)\n')
}

describe('followthrough lint', () => {
  it('exits 0 on clean minutes, with the defaults when there is no config', async () => {
    const root = make(clean)
    const result = await run(['lint'], root)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('1 file checked: no problems\n')
    expect(result.code).toBe(0)
  })

  it('exits 1 on an unknown reference and prints positions, rule and suggestion', async () => {
    const root = make({ ...clean, 'minutes/2023-04-17.md': minutes('2023-04-17', 'We discussed R7 today.\n') })
    const result = await run(['lint', '--format', 'json'], root)
    expect(result.code).toBe(1)
    const findings = JSON.parse(result.stdout) as Array<Record<string, unknown>>
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      file: 'minutes/2023-04-17.md',
      line: 9,
      column: 14,
      endLine: 9,
      endColumn: 16,
      severity: 'error',
      ruleId: 'unknown-recommendation'
    })
    expect(findings[0]?.['message']).toMatch(/R7/)
  })

  it('prints stylish output grouped by file', async () => {
    const root = make({ ...clean, 'minutes/2023-04-17.md': minutes('2023-04-17', 'We discussed R7 today.\n') })
    const result = await run(['lint'], root)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('minutes/2023-04-17.md\n')
    expect(result.stdout).toMatch(/9:14-9:16\s+error\s+.*R7.*unknown-recommendation/)
  })

  it('reports a superseded reference as a warning and honours --max-warnings', async () => {
    const root = make({ ...clean, 'minutes/2023-04-17.md': minutes('2023-04-17', 'Recommendation 3 came up.\n\n- [ ] Police to report by 2023-05-01\n') })
    const lenient = await run(['lint', '--format', 'json'], root)
    expect(lenient.code).toBe(0)
    expect((JSON.parse(lenient.stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId)).toEqual(['superseded-recommendation'])
    const strict = await run(['lint', '--max-warnings', '0'], root)
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('more than --max-warnings 0')
  })

  it('applies rule severities from the config', async () => {
    const root = make({
      ...clean,
      'followthrough.config.json': JSON.stringify({ rules: { 'unknown-recommendation': 'warning' } }),
      'minutes/2023-04-17.md': minutes('2023-04-17', 'R7 is not ours.\n')
    })
    const result = await run(['lint', '--format', 'json'], root)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject([{ ruleId: 'unknown-recommendation', severity: 'warning' }])
  })

  it('finds the config in a parent folder', async () => {
    const root = make({
      'followthrough.config.json': JSON.stringify({ registers: ['data/register.yaml'], minutes: ['notes/*.md'] }),
      'data/register.yaml': register,
      'notes/one.md': minutes('2023-04-17', 'R9 here.\n')
    })
    const result = await run(['lint', '--format', 'json'], join(root, 'data'))
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toMatchObject([{ file: '../notes/one.md', ruleId: 'unknown-recommendation' }])
  })

  it('exits 2 with positioned problems when the register is invalid', async () => {
    const root = make({ ...clean, 'recommendations.yaml': register.replace('owners: [council]', 'owners: [counsil]') })
    const result = await run(['lint', '--format', 'json'], root)
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'recommendations.yaml',
        line: 24,
        column: 14,
        endLine: 24,
        endColumn: 21,
        severity: 'error',
        ruleId: 'invalid-register',
        message: 'Unexpected owner "counsil" in R3, expected one of the register\'s owners (council, west-mercia-police)'
      }
    ])
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 2 when the register is missing or the config is invalid', async () => {
    const missing = await run(['lint'], make({ 'minutes/a.md': minutes('2023-04-17', 'R1') }))
    expect(missing.code).toBe(2)
    expect(missing.stdout).toContain('recommendations.yaml')
    expect(missing.stdout).toContain('register-not-found')
    const invalid = await run(['lint'], make({ ...clean, 'followthrough.config.json': '{ "minute": [] }' }))
    expect(invalid.code).toBe(2)
    expect(invalid.stdout).toMatch(/1:3-1:11\s+error\s+Unexpected key "minute", expected "minutes"/)
  })

  it('exits 2 for a glob that matches nothing, a missing file, an unknown option or command', async () => {
    const root = make(clean)
    for (const args of [
      ['lint', 'nothing/*.md'],
      ['lint', 'missing.md'],
      ['lint', '--frobnicate'],
      ['frobnicate'],
      ['lint', '--format', 'xml'],
      ['lint', '--config', 'nope.json']
    ]) {
      const result = await run(args, root)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toMatch(/^followthrough: /)
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /)
    }
  })

  it('reports a file that is not UTF-8 and still lints the others', async () => {
    const root = make({
      ...clean,
      'minutes/latin1.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]),
      'minutes/2023-04-17.md': minutes('2023-04-17', 'R7 again.\n')
    })
    const result = await run(['lint', '--format', 'json'], root)
    expect(result.code).toBe(1)
    expect((JSON.parse(result.stdout) as Array<{ file: string; ruleId: string }>).map((f) => `${f.file} ${f.ruleId}`)).toEqual([
      'minutes/2023-04-17.md unknown-recommendation',
      'minutes/latin1.md invalid-encoding'
    ])
  })

  it('lints only the files named', async () => {
    const root = make({ ...clean, 'minutes/2023-04-17.md': minutes('2023-04-17', 'R7 again.\n') })
    const result = await run(['lint', 'minutes/2023-01-18.md'], root)
    expect(result.code).toBe(0)
  })

  it('keeps results in a cache and gives the same output from it', async () => {
    const root = make({ ...clean, 'minutes/2023-04-17.md': minutes('2023-04-17', 'R7 again.\n') })
    const first = await run(['lint', '--cache', '--format', 'json'], root)
    const folder = join(root, 'node_modules', '.cache', 'followthrough')
    const cached = JSON.parse(readFileSync(join(folder, 'files.json'), 'utf8')) as { entries: Record<string, unknown> }
    expect(Object.keys(cached.entries)).toHaveLength(2)
    expect(existsSync(join(folder, 'run.json'))).toBe(true)
    // Unchanged: the whole run comes from the cache.
    const second = await run(['lint', '--cache', '--format', 'json'], root)
    expect(second).toEqual(first)
    // One file fixed: only it is checked again, and its finding goes.
    writeFileSync(join(root, 'minutes/2023-04-17.md'), minutes('2023-04-17', 'R1 again.\n'))
    const third = await run(['lint', '--cache', '--format', 'json'], root)
    expect(third.code).toBe(0)
    expect(JSON.parse(third.stdout)).toEqual([])
    // A register change invalidates every result: R1 is now unknown everywhere.
    writeFileSync(join(root, 'recommendations.yaml'), register.replace('- id: R1\n', '- id: R9\n'))
    const fourth = await run(['lint', '--cache', '--format', 'json'], root)
    expect((JSON.parse(fourth.stdout) as Array<{ file: string; ruleId: string }>).map((f) => `${f.file} ${f.ruleId}`)).toEqual([
      'minutes/2023-01-18.md unknown-recommendation',
      'minutes/2023-01-18.md unknown-recommendation',
      'minutes/2023-04-17.md unknown-recommendation'
    ])
  })

  it('gives the same results with worker threads', async () => {
    const files: Record<string, string> = { 'recommendations.yaml': register }
    for (let index = 0; index < 12; index++) files[`minutes/m${String(index).padStart(2, '0')}.md`] = minutes('2023-04-17', `R${index % 5} and Recommendation ${index}.\n`)
    const root = make(files)
    const single = await run(['lint', '--format', 'json', '--workers', '0'], root)
    const threaded = await run(['lint', '--format', 'json', '--workers', '2'], root)
    expect(threaded).toEqual(single)
    expect(single.code).toBe(1)
  })
})

describe('followthrough refs', () => {
  it('lists every reference with its position, relative to the working folder', async () => {
    const root = make({ ...clean, 'followthrough.config.json': '{}' })
    const result = await run(['refs', '--format', 'json'], join(root, 'minutes'))
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual([
      { file: '2023-01-18.md', id: 'R1', register: 'iitcse', text: 'Recommendation 1', line: 11, column: 1, endLine: 11, endColumn: 17 },
      { file: '2023-01-18.md', id: 'R2', register: 'iitcse', text: 'R2', line: 11, column: 32, endLine: 11, endColumn: 34 },
      { file: '2023-01-18.md', id: 'R1', register: 'iitcse', text: 'R1', line: 13, column: 52, endLine: 13, endColumn: 54 }
    ])
  })

  it('prints a table', async () => {
    const result = await run(['refs'], make(clean))
    expect(result.stdout.split('\n')[0]).toMatch(/^file\s+line:col\s+id\s+register\s+text$/)
    expect(result.stdout).toMatch(/minutes\/2023-01-18\.md\s+11:1\s+R1\s+iitcse\s+Recommendation 1/)
  })
})

describe('followthrough progress', () => {
  const files = {
    ...clean,
    'minutes/2023-04-17.md': minutes('2023-04-17', '## Status updates\n\n| Recommendation | Status | Note |\n| --- | --- | --- |\n| R1 | Implemented | Report published |\n')
  }

  it('computes the figures as of a date, as JSON', async () => {
    const result = await run(['progress', '--as-of', '2023-05-01', '--format', 'json'], make(files))
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Record<string, unknown>
    expect(report).toMatchObject({
      asOf: '2023-05-01',
      total: 2,
      implemented: 1,
      implementedRatio: 0.5,
      byStatus: { implemented: 1, 'not-started': 1, superseded: 1 },
      byOwner: {
        council: { name: 'Telford & Wrekin Council', total: 1, implemented: 1, implementedRatio: 1 },
        'west-mercia-police': { name: 'West Mercia Police', total: 2, implemented: 1, implementedRatio: 0.5 }
      },
      overdue: [],
      neverDiscussed: []
    })
    expect(report['burnUp']).toEqual([
      { date: '2023-01-18', implemented: 0, total: 2 },
      { date: '2023-04-17', implemented: 1, total: 2 }
    ])
  })

  it('prints a table and Markdown for job summaries', async () => {
    const root = make(files)
    const tableOutput = await run(['progress', '--as-of', '2024-05-01'], root)
    expect(tableOutput.code).toBe(0)
    expect(tableOutput.stdout).toContain('(iitcse), as of 2024-05-01: 1 of 2 implemented (50%)')
    expect(tableOutput.stdout).toMatch(/R2\s+2024-03-31\s+31/)
    const markdown = await run(['progress', '--as-of', '2024-05-01', '--format', 'markdown'], root)
    expect(markdown.stdout).toContain('| owner | total | implemented | in progress | blocked | ratio |')
    expect(markdown.stdout).toContain('| West Mercia Police | 2 | 1 | 0 | 0 | 50% |')
  })

  it('exits 2 for a malformed --as-of', async () => {
    const result = await run(['progress', '--as-of', '2023-02-30'], make(files))
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('followthrough: Unexpected --as-of "2023-02-30", expected a date as YYYY-MM-DD\n')
  })
})

describe('CI formats', () => {
  const files = { ...clean, 'minutes/2023-04-17.md': minutes('2023-04-17', 'We discussed R7, 100% agreed.\n') }

  it('writes SARIF 2.1.0 with the rule table and a location', async () => {
    const result = await run(['lint', '--format', 'sarif'], make(files))
    expect(result.code).toBe(1)
    const sarif = JSON.parse(result.stdout) as {
      version: string
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, unknown>> }>
    }
    expect(sarif.version).toBe('2.1.0')
    const [run0] = sarif.runs
    assert(run0, 'a run')
    expect(run0.tool.driver.rules.map((rule) => rule.id)).toContain('status-regression')
    expect(run0.results).toHaveLength(1)
    expect(run0.results[0]).toMatchObject({
      ruleId: 'unknown-recommendation',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'minutes/2023-04-17.md' }, region: { startLine: 9, startColumn: 14, endLine: 9, endColumn: 16 } } }]
    })
  })

  it('writes GitHub workflow commands', async () => {
    const result = await run(['lint', '--format', 'github'], make(files))
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^::error file=minutes\/2023-04-17\.md,line=9,col=14,endLine=9,endColumn=16,title=unknown-recommendation::.*R7/m)
  })

  it('writes JUnit XML with a test case per file', async () => {
    const result = await run(['lint', '--format', 'junit'], make(files))
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('<testcase classname="followthrough" name="minutes/2023-01-18.md"')
    expect(result.stdout).toMatch(/<testcase classname="followthrough" name="minutes\/2023-04-17\.md"[^>]*>\s*<failure type="unknown-recommendation"/)
  })
})

describe('followthrough report', () => {
  it('writes a self-contained HTML report atomically and says where', async () => {
    const root = make(clean)
    const result = await run(['report', '--as-of', '2023-05-01', '--out', 'out/progress.html'], root)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('Wrote out/progress.html\n')
    const html = readFileSync(join(root, 'out', 'progress.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain('Independent Inquiry into Telford Child Sexual Exploitation')
    expect(html).toContain('<svg')
    expect(html).not.toMatch(/(src|href)="https?:/)
    expect(existsSync(join(root, 'out'))).toBe(true)
  })

  it('exits 2 for an unknown register', async () => {
    const result = await run(['report', '--register', 'nope'], make(clean))
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('followthrough: Unexpected register "nope", expected one of iitcse\n')
  })
})

describe('followthrough lint --fix', () => {
  it('rewrites references in the house style, atomically, and leaves other files alone', async () => {
    const untouched = minutes('2023-05-01', 'Recommendation 2 only.\n')
    const root = make({
      ...clean,
      'followthrough.config.json': JSON.stringify({ referenceStyle: 'prose' }),
      'minutes/2023-04-17.md': minutes('2023-04-17', 'Rec 1 and R2 came up; Recs 1 & 2 stay as they are.\n'),
      'minutes/2023-05-01.md': untouched
    })
    const before = await run(['lint', '--format', 'json'], root)
    expect((JSON.parse(before.stdout) as Array<{ ruleId: string; message: string }>).filter((f) => f.ruleId === 'reference-style').map((f) => f.message)).toEqual([
      'Unexpected "R2", expected "Recommendation 2" (the house style)',
      'Unexpected "R1", expected "Recommendation 1" (the house style)',
      'Unexpected "Rec 1", expected "Recommendation 1" (the house style)',
      'Unexpected "R2", expected "Recommendation 2" (the house style)'
    ])
    const untouchedStat = statSync(join(root, 'minutes/2023-05-01.md'))
    const fixed = await run(['lint', '--fix', '--format', 'json'], root)
    expect(fixed.code).toBe(0)
    expect(fixed.stderr).toBe('followthrough: fixed 2 problems in minutes/2023-01-18.md\nfollowthrough: fixed 2 problems in minutes/2023-04-17.md\n')
    expect(JSON.parse(fixed.stdout)).toEqual([])
    expect(readFileSync(join(root, 'minutes/2023-04-17.md'), 'utf8')).toContain('Recommendation 1 and Recommendation 2 came up; Recs 1 & 2 stay as they are.')
    expect(readFileSync(join(root, 'minutes/2023-05-01.md'), 'utf8')).toBe(untouched)
    expect(statSync(join(root, 'minutes/2023-05-01.md')).mtimeMs).toBe(untouchedStat.mtimeMs)
    expect(readdirSync(join(root, 'minutes')).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
