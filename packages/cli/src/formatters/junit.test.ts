import type { Finding } from '@followthrough/engine'
import { describe, expect, it } from 'vitest'
import { escapeXml, formatJunit } from './junit.js'

const cwd = '/work/repo'
const first = `${cwd}/minutes/2024-01-17.md`
const second = `${cwd}/minutes/2024-04-17.md`
const third = `${cwd}/minutes/2024-07-17.md`

function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId' | 'message'>): Finding {
  return { file: first, line: 3, column: 5, endLine: 3, endColumn: 8, severity: 'error', ...overrides }
}

describe('formatJunit', () => {
  it('writes a test case per file, a failure per error and the warnings in system-out', () => {
    const output = formatJunit(
      [
        finding({ ruleId: 'unknown-recommendation', message: 'Unexpected unknown recommendation "R99"', url: 'https://example.org/rules#unknown-recommendation' }),
        finding({ line: 7, column: 1, endLine: 7, endColumn: 4, ruleId: 'unknown-status', message: 'Unexpected status "done" & <more>' }),
        finding({ line: 9, column: 1, endLine: 10, endColumn: 2, severity: 'warning', ruleId: 'status-regression', message: 'R3 goes backwards' }),
        finding({ file: second, line: 2, column: 1, endLine: 2, endColumn: 9, severity: 'info', ruleId: 'action-without-due-date', message: 'No due date' }),
        finding({ file: `${cwd}/recommendations.yaml`, line: 1, column: 1, endLine: 1, endColumn: 2, ruleId: 'invalid-register', message: 'Unexpected owner "x"' })
      ],
      { cwd, files: [first, second, third] }
    )
    expect(output).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="followthrough" tests="4" failures="2" errors="0" skipped="0">
  <testsuite name="followthrough" tests="4" failures="2" errors="0" skipped="0">
    <testcase classname="followthrough" name="minutes/2024-01-17.md">
      <failure type="unknown-recommendation" message="Unexpected unknown recommendation &quot;R99&quot;">minutes/2024-01-17.md:3:5-3:8 Unexpected unknown recommendation "R99" (unknown-recommendation)
https://example.org/rules#unknown-recommendation</failure>
      <failure type="unknown-status" message="Unexpected status &quot;done&quot; &amp; &lt;more&gt;">minutes/2024-01-17.md:7:1-7:4 Unexpected status "done" &amp; &lt;more&gt; (unknown-status)</failure>
      <system-out>9:1-10:2  warning  R3 goes backwards  status-regression</system-out>
    </testcase>
    <testcase classname="followthrough" name="minutes/2024-04-17.md">
      <system-out>2:1-2:9  info  No due date  action-without-due-date</system-out>
    </testcase>
    <testcase classname="followthrough" name="minutes/2024-07-17.md"/>
    <testcase classname="followthrough" name="recommendations.yaml">
      <failure type="invalid-register" message="Unexpected owner &quot;x&quot;">recommendations.yaml:1:1-1:2 Unexpected owner "x" (invalid-register)</failure>
    </testcase>
  </testsuite>
</testsuites>
`)
  })

  it('passes every file when there are no findings', () => {
    expect(formatJunit([], { cwd, files: [first, second] })).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="followthrough" tests="2" failures="0" errors="0" skipped="0">
  <testsuite name="followthrough" tests="2" failures="0" errors="0" skipped="0">
    <testcase classname="followthrough" name="minutes/2024-01-17.md"/>
    <testcase classname="followthrough" name="minutes/2024-04-17.md"/>
  </testsuite>
</testsuites>
`)
  })

  it('escapes XML, keeps line breaks in attributes and replaces characters XML cannot hold', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'`)
    expect(escapeXml(`"x"\ty\nz\r`, true)).toBe('&quot;x&quot;&#9;y&#10;z&#13;')
    expect(escapeXml('bell\u0007 form\u000c nul\u0000 lone\ud800 ok😀')).toBe('bell\ufffd form\ufffd nul\ufffd lone\ufffd ok😀')
    const output = formatJunit([finding({ file: `${cwd}/minutes/a&b "c".md`, ruleId: 'r', message: 'two\nlines\u0001' })], { cwd, files: [] })
    expect(output).toContain('<testcase classname="followthrough" name="minutes/a&amp;b &quot;c&quot;.md">')
    expect(output).toContain('<failure type="r" message="two&#10;lines\ufffd">')
  })

  it('replaces exactly what XML 1.0 cannot hold: C0 controls but tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF', () => {
    const forbidden = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff
    const codes = Array.from({ length: 0x10000 }, (_, code) => code)
    // Each UTF-16 code unit alone (a surrogate alone is a lone one).
    expect(codes.filter((code) => code !== 0xfffd && escapeXml(String.fromCharCode(code)) === '\ufffd')).toEqual(codes.filter(forbidden))
    expect(escapeXml('\u007f\u0085\u009f')).toBe('\u007f\u0085\u009f')
    // A pair is kept; a surrogate out of a pair is not.
    expect(escapeXml('\ud83d\ude00 \ud83dx \ude00 \ude00\ud83d \ud83d\ud83d\ude00')).toBe('\ud83d\ude00 \ufffdx \ufffd \ufffd\ufffd \ufffd\ud83d\ude00')
  })
})
