import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/** The repository's root: where action.yml, .pre-commit-hooks.yaml and the scripts they run live. */
export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** A step of a composite action, as action.yml spells it. */
export interface ActionStep {
  id?: string
  name?: string
  if?: string
  shell?: string
  run?: string
  uses?: string
  env?: Record<string, string>
  with?: Record<string, string>
}

/** The parts of action.yml a runner reads. */
export interface ActionDefinition {
  inputs: Record<string, { default?: string; required?: boolean; description: string }>
  outputs: Record<string, { value: string; description: string }>
  runs: { using: string; steps: ActionStep[] }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Read action.yml with the `yaml` package, checking the shape this runner relies on. */
export function readAction(path = join(repositoryRoot, 'action.yml')): ActionDefinition {
  const parsed: unknown = parse(readFileSync(path, 'utf8'))
  if (!isRecord(parsed) || !isRecord(parsed.inputs) || !isRecord(parsed.outputs) || !isRecord(parsed.runs) || !Array.isArray(parsed.runs.steps)) {
    throw new Error(`Unexpected shape of ${path}, expected inputs, outputs and runs.steps`)
  }
  // The runner reads every value as a string; YAML reads `true` or `2` unquoted as others, so they must be quoted.
  const strings = (values: unknown, where: string) => {
    if (values === undefined) return
    if (!isRecord(values)) throw new Error(`Unexpected ${where} in ${path}, expected a mapping`)
    for (const [name, text] of Object.entries(values)) if (typeof text !== 'string') throw new Error(`Unexpected ${where}.${name} in ${path}, expected a string`)
  }
  for (const [name, input] of Object.entries(parsed.inputs)) strings(isRecord(input) ? { default: input.default ?? '', description: input.description } : input, `inputs.${name}`)
  for (const [index, step] of parsed.runs.steps.entries()) {
    if (!isRecord(step)) throw new Error(`Unexpected runs.steps[${String(index)}] in ${path}, expected a mapping`)
    strings(step.env, `runs.steps[${String(index)}].env`)
    strings(step.with, `runs.steps[${String(index)}].with`)
  }
  return parsed as unknown as ActionDefinition
}

/** What a step did. */
export interface StepResult {
  step: ActionStep
  outcome: 'success' | 'failure' | 'skipped'
  code?: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** The `with:` of a `uses:` step, its expressions resolved (the step itself is not run: no network). */
  with?: Record<string, string>
}

/** What a run of the action did. */
export interface ActionRun {
  steps: StepResult[]
  /** The action's outputs, resolved from its steps'. */
  outputs: Record<string, string>
  /** What the steps left in `$GITHUB_STEP_SUMMARY`. */
  summary: string
  /** `$RUNNER_TEMP`. */
  runnerTemp: string
  /** The step of this id (throws when there is none). */
  byId: (id: string) => StepResult
}

interface Context {
  inputs: Record<string, string>
  steps: Map<string, StepResult>
}

/** Resolve `${{ inputs.x }}` and `${{ steps.x.outputs.y }}`, the only expressions action.yml uses in values. */
function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => value(expression, context))
}

function value(expression: string, context: Context): string {
  const input = /^inputs\.([\w-]+)$/.exec(expression)
  if (input?.[1] !== undefined) return context.inputs[input[1]] ?? ''
  const step = /^steps\.([\w-]+)\.(outputs\.([\w-]+)|outcome)$/.exec(expression)
  if (step?.[1] !== undefined) {
    const result = context.steps.get(step[1])
    if (step[3] !== undefined) return result?.outputs[step[3]] ?? ''
    return result?.outcome ?? ''
  }
  throw new Error(`Unexpected expression "${expression}" in action.yml, expected inputs.<name>, steps.<id>.outputs.<name> or steps.<id>.outcome`)
}

/**
 * Evaluate a step's `if:` as the runner does, for the forms action.yml uses:
 * terms joined by `&&`, each `always()` or `<value> == '<text>'`. Without a
 * status function the runner adds `success()`: the step is skipped once an
 * earlier step failed.
 */
function condition(text: string | undefined, context: Context, failed: boolean): boolean {
  if (text === undefined) return !failed
  let status = false
  let result = true
  for (const term of text.split('&&').map((part) => part.trim())) {
    if (term === 'always()') {
      status = true
      continue
    }
    const comparison = /^([\w.-]+)\s*==\s*'([^']*)'$/.exec(term)
    if (comparison?.[1] === undefined || comparison[2] === undefined) throw new Error(`Unexpected condition "${term}" in action.yml, expected always() or <value> == '<text>'`)
    result &&= value(comparison[1], context) === comparison[2]
  }
  return (status || !failed) && result
}

/** Lines `name=value` of a `$GITHUB_OUTPUT` file (the action writes no multi-line values). */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const equals = line.indexOf('=')
    if (equals > 0) outputs[line.slice(0, equals)] = line.slice(equals + 1)
  }
  return outputs
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // `shell: bash` runs `bash --noprofile --norc -eo pipefail {0}` on the runner.
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

/**
 * Run the action's steps the way the runner runs a composite action: in order,
 * each `if:` evaluated, each `run:` step by bash in the workspace with its
 * `env:` resolved, `GITHUB_ACTION_PATH` the repository, a fresh
 * `GITHUB_OUTPUT` per step and one `GITHUB_STEP_SUMMARY` for the job (which
 * may hold an earlier step's summary). `uses:` steps are recorded, not run.
 */
export async function runAction(options: { workspace: string; inputs?: Record<string, string>; summary?: string; path?: string }): Promise<ActionRun> {
  const action = readAction(options.path)
  const inputs: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) inputs[name] = options.inputs?.[name] ?? input.default ?? ''
  for (const name of Object.keys(options.inputs ?? {}))
    if (!(name in action.inputs)) throw new Error(`Unexpected input "${name}", expected one of ${Object.keys(action.inputs).join(', ')}`)

  const runnerTemp = mkdtempSync(join(tmpdir(), 'followthrough-runner-'))
  const summaryPath = join(runnerTemp, 'step-summary.md')
  writeFileSync(summaryPath, options.summary ?? '')
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('GITHUB_') && !name.startsWith('RUNNER_') && !name.startsWith('FOLLOWTHROUGH_'))
  )
  const context: Context = { inputs, steps: new Map() }
  const results: StepResult[] = []
  let failed = false
  for (const [index, step] of action.runs.steps.entries()) {
    if (!condition(step.if, context, failed)) {
      results.push({ step, outcome: 'skipped', stdout: '', stderr: '', outputs: {} })
    } else if (step.uses !== undefined) {
      const resolved = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, text]) => [name, substitute(text, context)]))
      results.push({ step, outcome: 'success', stdout: '', stderr: '', outputs: {}, with: resolved })
    } else {
      if (step.shell !== 'bash' || step.run === undefined) throw new Error(`Unexpected step ${String(index)} in action.yml, expected shell: bash with run, or uses`)
      const script = join(runnerTemp, `step-${String(index)}.sh`)
      writeFileSync(script, step.run)
      const output = join(runnerTemp, `output-${String(index)}`)
      writeFileSync(output, '')
      const env: NodeJS.ProcessEnv = {
        ...inherited,
        // The runner's Node: this one.
        PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
        GITHUB_ACTION_PATH: repositoryRoot,
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_STEP_SUMMARY: summaryPath,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: runnerTemp,
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, text]) => [name, substitute(text, context)]))
      }
      const ran = await bash(script, options.workspace, env)
      const result: StepResult = { step, outcome: ran.code === 0 ? 'success' : 'failure', code: ran.code, stdout: ran.stdout, stderr: ran.stderr, outputs: readOutputs(output) }
      failed ||= ran.code !== 0
      results.push(result)
    }
    const last = results[results.length - 1]
    if (step.id !== undefined && last) context.steps.set(step.id, last)
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value, context)]))
  return {
    steps: results,
    outputs,
    summary: readFileSync(summaryPath, 'utf8'),
    runnerTemp,
    byId: (id) => {
      const found = context.steps.get(id)
      if (!found) throw new Error(`No step with id ${id}`)
      return found
    }
  }
}
