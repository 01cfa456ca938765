import type { Finding } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { escapeData, escapeProperty, formatGithub } from './github.js'

const cwd = '/work/repo'

function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId' | 'message'>): Finding {
  return { file: `${cwd}/minutes/2024-01-17.md`, line: 3, column: 5, endLine: 3, endColumn: 8, severity: 'error', ...overrides }
}

describe('formatGithub', () => {
  it('writes one workflow command per finding: ::error, ::warning, ::notice', () => {
    const output = formatGithub(
      [
        finding({ ruleId: 'unknown-recommendation', message: 'Unexpected unknown recommendation "R99"' }),
        finding({ line: 9, column: 1, endLine: 10, endColumn: 2, severity: 'warning', ruleId: 'status-regression', message: 'R3 goes backwards' }),
        finding({ file: `${cwd}/recommendations.yaml`, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'info', ruleId: 'action-without-due-date', message: 'No due date' })
      ],
      { cwd }
    )
    expect(output).toBe(
      '::error file=minutes/2024-01-17.md,line=3,col=5,endLine=3,endColumn=8,title=unknown-recommendation::Unexpected unknown recommendation "R99"\n' +
        '::warning file=minutes/2024-01-17.md,line=9,col=1,endLine=10,endColumn=2,title=status-regression::R3 goes backwards\n' +
        '::notice file=recommendations.yaml,line=1,col=1,endLine=1,endColumn=2,title=action-without-due-date::No due date\n'
    )
  })

  it('escapes as GitHub requires: %, CR and LF in messages, and : and , too in properties', () => {
    const output = formatGithub(
      [
        finding({
          file: `${cwd}/minutes/a, b: 100%.md`,
          ruleId: 'rule:with,odd%chars',
          message: 'Line one\r\nline two: 50% done, see R1,R2\n::error::not a command'
        })
      ],
      { cwd }
    )
    expect(output).toBe(
      '::error file=minutes/a%2C b%3A 100%25.md,line=3,col=5,endLine=3,endColumn=8,title=rule%3Awith%2Codd%25chars::' +
        'Line one%0D%0Aline two: 50%25 done, see R1,R2%0A::error::not a command\n'
    )
    // Exactly one command line, whatever the message holds.
    expect(output.split('\n')).toHaveLength(2)
  })

  it('escapes % first, so an escape sequence in the text stays literal', () => {
    expect(escapeData('%0A and %25')).toBe('%250A and %2525')
    expect(escapeProperty('a:b,c%\r\n')).toBe('a%3Ab%2Cc%25%0D%0A')
  })

  it('prints nothing when there is nothing to say', () => {
    expect(formatGithub([], { cwd })).toBe('')
  })
})
