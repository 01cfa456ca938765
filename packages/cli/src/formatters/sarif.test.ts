import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Finding } from '@followthrough/engine'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { fingerprintKey, formatSarif, type SarifRule } from './sarif.js'

// The SARIF 2.1.0 JSON Schema as Microsoft's SARIF SDK ships it in the npm
// package @microsoft/sarif-multitool-ts (a devDependency): read from disk,
// never downloaded at test time. Microsoft's copy declares JSON Schema 2020-12,
// so it is compiled with Ajv2020, with the options the SDK's own validator uses.
const require = createRequire(import.meta.url)
const schemaPath = join(dirname(require.resolve('@microsoft/sarif-multitool-ts')), '..', 'assets', 'sarif-2.1.0.schema.json')
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { title: string }
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020
const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
const validateSarif = ajv.compile(schema)

function validate(text: string): void {
  const valid = validateSarif(JSON.parse(text))
  expect(validateSarif.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

const cwd = '/work/repo'

function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId' | 'message'>): Finding {
  return { file: `${cwd}/minutes/2024-01-17.md`, line: 3, column: 5, endLine: 3, endColumn: 8, severity: 'error', ...overrides }
}

const rules: SarifRule[] = [
  { id: 'unknown-recommendation', description: 'References name recommendations the register has.', url: 'https://example.org/rules#unknown-recommendation' },
  { id: 'status-regression', description: 'A status does not go backwards without a note.' },
  { id: 'action-without-due-date', description: 'Actions carry a due date.', severity: 'info' }
]

const findings: Finding[] = [
  finding({ ruleId: 'unknown-recommendation', message: 'Unexpected unknown recommendation "R99", expected an id of the register' }),
  finding({
    line: 9,
    column: 1,
    endLine: 9,
    endColumn: 30,
    severity: 'warning',
    ruleId: 'status-regression',
    message: 'R3 goes back from implemented to in-progress without a note'
  }),
  finding({
    file: `${cwd}/minutes/board 2#.md`,
    line: 2,
    column: 3,
    endLine: 4,
    endColumn: 1,
    severity: 'info',
    ruleId: 'action-without-due-date',
    message: 'Action has no due date'
  }),
  finding({
    file: `${cwd}/recommendations.yaml`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    severity: 'error',
    ruleId: 'invalid-register',
    message: 'Unexpected owner "x"',
    url: 'https://example.org/rules#invalid-register'
  })
]

describe('formatSarif', () => {
  it('writes a SARIF 2.1.0 log with the rules, the results, their locations and fingerprints', () => {
    const text = formatSarif(findings, { cwd, rules, version: '0.1.0' })
    expect(JSON.parse(text)).toEqual({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'followthrough',
              informationUri: 'https://github.com/followthrough/followthrough',
              version: '0.1.0',
              rules: [
                {
                  id: 'unknown-recommendation',
                  shortDescription: { text: 'References name recommendations the register has.' },
                  helpUri: 'https://example.org/rules#unknown-recommendation',
                  defaultConfiguration: { level: 'error' }
                },
                {
                  id: 'status-regression',
                  shortDescription: { text: 'A status does not go backwards without a note.' },
                  defaultConfiguration: { level: 'warning' }
                },
                {
                  id: 'action-without-due-date',
                  shortDescription: { text: 'Actions carry a due date.' },
                  defaultConfiguration: { level: 'note' }
                },
                {
                  id: 'invalid-register',
                  shortDescription: { text: 'invalid-register' },
                  helpUri: 'https://example.org/rules#invalid-register',
                  defaultConfiguration: { level: 'error' }
                }
              ]
            }
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///work/repo/' } },
          columnKind: 'utf16CodeUnits',
          results: [
            {
              ruleId: 'unknown-recommendation',
              ruleIndex: 0,
              level: 'error',
              message: { text: 'Unexpected unknown recommendation "R99", expected an id of the register' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'minutes/2024-01-17.md', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 8 }
                  }
                }
              ],
              partialFingerprints: { 'followthrough/v1': 'e0bb813c777f4ee01ca576895527942036bce76b2f3e10c5acc85fe655466d6a' }
            },
            {
              ruleId: 'status-regression',
              ruleIndex: 1,
              level: 'warning',
              message: { text: 'R3 goes back from implemented to in-progress without a note' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'minutes/2024-01-17.md', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 30 }
                  }
                }
              ],
              partialFingerprints: { 'followthrough/v1': '5548e22e2b5b72ee1df98f8df00f4f850c9dd602fcbc01ac2b0a15eb5ae53615' }
            },
            {
              ruleId: 'action-without-due-date',
              ruleIndex: 2,
              level: 'note',
              message: { text: 'Action has no due date' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'minutes/board%202%23.md', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 2, startColumn: 3, endLine: 4, endColumn: 1 }
                  }
                }
              ],
              partialFingerprints: { 'followthrough/v1': '4bedeedbb8f3c50c9565849e86bd56dffa3ff880795a9735973d22ef793bac7c' }
            },
            {
              ruleId: 'invalid-register',
              ruleIndex: 3,
              level: 'error',
              message: { text: 'Unexpected owner "x"' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'recommendations.yaml', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 }
                  }
                }
              ],
              partialFingerprints: { 'followthrough/v1': 'f33ce3478270205f724dc3de64b47a7e7d0426e333bc9db96eade3ab3e3eb75c' }
            }
          ]
        }
      ]
    })
    expect(text.endsWith('}\n')).toBe(true)
    // The recipe: SHA-256 of [ruleId, relative URI, message, index among identical findings of that file].
    const recipe = createHash('sha256')
      .update(JSON.stringify(['unknown-recommendation', 'minutes/2024-01-17.md', 'Unexpected unknown recommendation "R99", expected an id of the register', 0]))
      .digest('hex')
    expect(recipe).toBe('e0bb813c777f4ee01ca576895527942036bce76b2f3e10c5acc85fe655466d6a')
  })

  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema')
    validate(formatSarif(findings, { cwd, rules, version: '0.1.0' }))
    validate(formatSarif([], { cwd, rules: [], version: '0.1.0' }))
    validate(formatSarif([], { cwd, rules, version: '0.1.0' }))
  })

  it('keeps fingerprints when lines move, and tells identical findings in one file apart', () => {
    const fingerprints = (list: Finding[]) =>
      (JSON.parse(formatSarif(list, { cwd, rules, version: '0.1.0' })) as { runs: [{ results: Array<{ partialFingerprints: Record<string, string> }> }] }).runs[0].results.map(
        (result) => result.partialFingerprints[fingerprintKey]
      )
    const one = finding({ ruleId: 'unknown-recommendation', message: 'Unexpected "R99"' })
    const [before] = fingerprints([one])
    const [after] = fingerprints([{ ...one, line: 40, endLine: 40, column: 2, endColumn: 5 }])
    expect(after).toBe(before)
    expect(before).toMatch(/^[0-9a-f]{64}$/)
    const twice = fingerprints([one, { ...one, line: 12, endLine: 12 }])
    expect(twice[0]).toBe(before)
    expect(twice[1]).not.toBe(before)
    const [otherFile] = fingerprints([{ ...one, file: `${cwd}/minutes/other.md` }])
    const [otherMessage] = fingerprints([{ ...one, message: 'Unexpected "R98"' }])
    expect(new Set([before, otherFile, otherMessage]).size).toBe(3)
  })
})
