import { execFile } from 'node:child_process'
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readAction, repositoryRoot, runAction, type ActionRun } from './action-runner.js'

// The GitHub Action (action.yml at the repository root) run for real: each
// `run:` step by bash as the runner runs it, on a copy of examples/telford,
// with fake GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files.

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function temporary(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => {
    rmSync(folder, { recursive: true, force: true })
  })
  return folder
}

/** A repository holding a copy of examples/telford, at its root or in a folder. */
function telfordCopy(folder = ''): string {
  const root = temporary('followthrough-action-')
  cpSync(join(repositoryRoot, 'examples', 'telford'), join(root, folder), { recursive: true })
  return root
}

async function run(options: Parameters<typeof runAction>[0]): Promise<ActionRun> {
  const result = await runAction(options)
  cleanups.push(() => {
    rmSync(result.runnerTemp, { recursive: true, force: true })
  })
  return result
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '')

const r52 =
  '::error file=minutes/2024-01-17-accountability.md,line=57,col=66,endLine=57,endColumn=69,title=unknown-recommendation::Unexpected unknown recommendation R52, expected an id of iitcse such as R5 or R42'
const doneIsh =
  '::error file=minutes/2024-01-17-accountability.md,line=71,col=9,endLine=71,endColumn=17,title=unknown-status::Unexpected status "Done-ish", expected one of not-started, in-progress, ready-for-assessment, implemented, blocked, rejected, superseded'
const r45 =
  '::warning file=minutes/2024-01-17-accountability.md,line=31,col=73,endLine=31,endColumn=76,title=superseded-recommendation::Unexpected reference to superseded R45, expected its successor R46'
const headline = '### Independent Inquiry into Telford Child Sexual Exploitation \\(iitcse\\), as of 2024\\-10\\-31\\: 37 of 46 implemented \\(80%\\)'

describe('action.yml', () => {
  it('is a composite action whose steps are small bash scripts over environment variables', () => {
    const action = readAction()
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(['globs', 'config', 'summary', 'report', 'report-name', 'as-of'])
    expect(action.runs.steps.map((step) => step.id ?? step.uses)).toEqual(['build', 'lint', 'summary', 'report', 'actions/upload-artifact@v4'])
    for (const step of action.runs.steps) {
      // Inputs reach the shell through env:, never spliced into the script (where a quote in a glob would be code).
      if (step.run !== undefined) expect(step.run).not.toContain('${{')
    }
  })

  it('annotates the planted findings, fails with lint exit code 1, and still appends the progress summary', async () => {
    const workspace = telfordCopy()
    const result = await run({ workspace, inputs: { 'as-of': '2024-10-31' }, summary: '## An earlier step\n\n' })

    expect(result.byId('build')).toMatchObject({ outcome: 'success', code: 0 })

    const lint = result.byId('lint')
    expect(lint).toMatchObject({ outcome: 'failure', code: 1, outputs: { 'exit-code': '1' } })
    const annotations = lines(lint.stdout)
    expect(annotations).toContain(r52)
    expect(annotations).toContain(doneIsh)
    expect(annotations).toContain(r45)
    expect(annotations.filter((line) => line.startsWith('::error '))).toHaveLength(2)
    // The superseded reference and the due date moved without a reason (R32, planted in the 2024-06-19 minutes).
    expect(annotations.filter((line) => line.startsWith('::warning '))).toHaveLength(2)
    expect(annotations).toContain(
      '::warning file=minutes/2024-06-19-partnership.md,line=71,col=29,endLine=71,endColumn=39,title=due-date-moved-without-reason::Unexpected due date moved to 2025-09-30 without a reason, expected a Reason cell saying why'
    )
    for (const line of annotations) expect(line).toMatch(/^::(error|warning|notice) file=minutes\/[\w-]+\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/)
    expect(lint.stderr).toBe('')

    // `if: always()`: the summary is written although the lint step failed, after what was there.
    const summary = result.byId('summary')
    expect(summary).toMatchObject({ outcome: 'success', code: 0, stdout: '' })
    expect(result.summary.startsWith(`## An earlier step\n\n${headline}\n\n#### By status\n\n| status | count |\n| --- | --- |\n| not\\-started | 0 |\n`)).toBe(true)
    expect(result.summary).toContain('#### Overdue\n\n| id | due | days overdue |\n| --- | --- | --- |\n| R14 | 2024\\-03\\-31 | 214 |\n')
    expect(result.summary).toContain('| Telford \\& Wrekin Council | 34 | 29 | 3 | 2 | 85% |\n')

    // No report unless asked for.
    expect(result.byId('report').outcome).toBe('skipped')
    expect(result.steps[4]).toMatchObject({ outcome: 'skipped' })
    expect(result.outputs).toEqual({ 'exit-code': '1', report: '' })
  })

  it('lints only the globs given, one per line, writes no summary when told not to, and uploads the report', async () => {
    const workspace = telfordCopy()
    const result = await run({
      workspace,
      inputs: {
        globs: 'minutes/2022-*.md\n\n  \nminutes/2023-01-18-accountability.md\n',
        summary: 'false',
        report: 'true',
        'report-name': 'telford-progress',
        'as-of': '2024-10-31'
      }
    })

    const lint = result.byId('lint')
    // Those two meetings have notices only: exit 0.
    expect(lint).toMatchObject({ outcome: 'success', code: 0, outputs: { 'exit-code': '0' } })
    expect(lines(lint.stdout).map((line) => /file=([^,]+)/.exec(line)?.[1])).toEqual([
      'minutes/2022-10-12-accountability.md',
      'minutes/2022-10-12-accountability.md',
      'minutes/2023-01-18-accountability.md'
    ])

    expect(result.byId('summary').outcome).toBe('skipped')
    expect(result.summary).toBe('')

    const report = result.byId('report')
    const path = join(result.runnerTemp, 'followthrough-report', 'report.html')
    expect(report).toMatchObject({ outcome: 'success', outputs: { path } })
    expect(readFileSync(path, 'utf8')).toMatch(/^<!doctype html>/i)
    expect(readFileSync(path, 'utf8')).toContain('Independent Inquiry into Telford Child Sexual Exploitation')
    expect(result.steps[4]).toMatchObject({ outcome: 'success', with: { name: 'telford-progress', path, 'if-no-files-found': 'error' } })
    expect(result.outputs).toEqual({ 'exit-code': '0', report: path })
  })

  it('takes a config in a folder and annotates paths from the repository root, as GitHub needs them', async () => {
    const workspace = telfordCopy('inquiry')
    const result = await run({ workspace, inputs: { config: 'inquiry/followthrough.config.json', 'as-of': '2024-10-31' } })
    const lint = result.byId('lint')
    expect(lint).toMatchObject({ outcome: 'failure', code: 1 })
    expect(lines(lint.stdout)).toContain(r52.replace('file=minutes/', 'file=inquiry/minutes/'))
    expect(result.summary.startsWith(`${headline}\n`)).toBe(true)
  })

  it('passes a glob as a name: a quote or a dash in it is never shell code or an option', async () => {
    const workspace = telfordCopy()
    const result = await run({ workspace, inputs: { globs: "minutes/it's $(touch pwned).md\n--fix" } })
    const lint = result.byId('lint')
    expect(lint).toMatchObject({ outcome: 'failure', code: 2, stdout: '' })
    expect(lint.stderr).toBe("followthrough: No such file: minutes/it's $(touch pwned).md\n")
    expect(existsSync(join(workspace, 'pwned'))).toBe(false)
  })

  it('reports a broken register on the lint step with exit code 2 and leaves the summary alone', async () => {
    const workspace = telfordCopy()
    writeFileSync(join(workspace, 'recommendations.yaml'), 'inquiry: [unclosed\n')
    const result = await run({ workspace, summary: 'kept\n' })
    const lint = result.byId('lint')
    expect(lint).toMatchObject({ outcome: 'failure', code: 2, outputs: { 'exit-code': '2' } })
    expect(lines(lint.stdout)).toEqual([
      '::error file=recommendations.yaml,line=2,col=1,endLine=2,endColumn=1,title=yaml-syntax::Flow sequence in block collection must be sufficiently indented and end with a ]'
    ])
    expect(lint.stderr).toBe('followthrough: fix the configuration and registers above first\n')
    const summary = result.byId('summary')
    expect(summary).toMatchObject({ outcome: 'failure', code: 2 })
    expect(summary.stdout).toContain('recommendations.yaml')
    expect(summary.stdout).not.toMatch(/\n\s+at /)
    expect(result.summary).toBe('kept\n')
  })
})

describe('the runner of these tests', () => {
  it('skips a step after a failure unless its condition says always(), as GitHub does', async () => {
    const folder = temporary('followthrough-runner-check-')
    const path = join(folder, 'action.yml')
    writeFileSync(
      path,
      [
        'inputs:',
        "  flag: { description: a flag, default: 'true' }",
        'outputs: {}',
        'runs:',
        '  using: composite',
        '  steps:',
        '    - { id: fails, shell: bash, run: "echo \'ran=yes\' >> \\"$GITHUB_OUTPUT\\"; exit 3" }',
        '    - { id: plain, shell: bash, run: "echo plain" }',
        "    - { id: always, if: always() && steps.fails.outcome == 'failure' && inputs.flag == 'true', shell: bash, run: 'echo \"$VALUE\"', env: { VALUE: '${{ steps.fails.outputs.ran }}' } }",
        "    - { id: unflagged, if: always() && inputs.flag == 'false', shell: bash, run: echo no }",
        ''
      ].join('\n')
    )
    const result = await run({ workspace: folder, path })
    expect(result.steps.map((step) => `${step.step.id ?? ''} ${step.outcome} ${step.stdout.trim()}`.trim())).toEqual([
      'fails failure',
      'plain skipped',
      'always success yes',
      'unflagged skipped'
    ])
    expect(result.byId('fails').code).toBe(3)
  })
})

describe('scripts/build-cli.sh', () => {
  /** A checkout of just the script, with fake npm and npx on PATH that log their arguments; no network. */
  function checkout(): { root: string; log: string; env: NodeJS.ProcessEnv } {
    const root = temporary('followthrough-build-')
    mkdirSync(join(root, 'scripts'))
    copyFileSync(join(repositoryRoot, 'scripts', 'build-cli.sh'), join(root, 'scripts', 'build-cli.sh'))
    const fakes = join(root, 'fakes')
    mkdirSync(fakes)
    const log = join(root, 'calls.log')
    for (const name of ['npm', 'npx']) {
      writeFileSync(join(fakes, name), `#!/usr/bin/env bash\necho "${name} $*" >> "${log}"\n`)
      chmodSync(join(fakes, name), 0o755)
    }
    return { root, log, env: { ...process.env, PATH: `${fakes}${delimiter}${process.env.PATH ?? ''}` } }
  }

  function build(root: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile('bash', [join(root, 'scripts', 'build-cli.sh')], { cwd: tmpdir(), env }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
      })
    })
  }

  it('installs the CLI workspace from the lockfile and builds it in a fresh checkout, and does nothing once done', async () => {
    const { root, log, env } = checkout()
    expect(await build(root, env)).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(readFileSync(log, 'utf8')).toBe(
      'npm ci --no-audit --no-fund --workspace @followthrough/cli --include-workspace-root\nnpx turbo run build --filter=@followthrough/cli --output-logs=errors-only\n'
    )

    rmSync(log)
    mkdirSync(join(root, 'node_modules'))
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), '{}')
    for (const name of ['core', 'remark-recommendations', 'engine', 'report', 'cli']) {
      mkdirSync(join(root, 'packages', name, 'dist'), { recursive: true })
      writeFileSync(join(root, 'packages', name, 'dist', 'index.js'), '')
    }
    expect(await build(root, env)).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(existsSync(log)).toBe(false)

    // One package not built: build again (turbo's cache makes the rest free).
    rmSync(join(root, 'packages', 'engine', 'dist'), { recursive: true })
    expect((await build(root, env)).code).toBe(0)
    expect(readFileSync(log, 'utf8')).toBe('npx turbo run build --filter=@followthrough/cli --output-logs=errors-only\n')
  })

  it('stops with one line when Node is older than the CLI needs', async () => {
    const { root, log, env } = checkout()
    writeFileSync(join(root, 'fakes', 'node'), '#!/usr/bin/env bash\nif [ "$1" = --version ]; then echo v18.20.4; exit 0; fi\nexit 1\n')
    chmodSync(join(root, 'fakes', 'node'), 0o755)
    expect(await build(root, env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'followthrough: Node.js 20.19 or later is needed, found v18.20.4; in a workflow, add actions/setup-node with node-version: 20 first\n'
    })
    expect(existsSync(log)).toBe(false)
  })
})
