import { relative, sep } from 'node:path'
import type { Finding } from '@followthrough/engine'

/**
 * Escape text for XML content or a double-quoted attribute value. Characters
 * XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE and
 * U+FFFF) become U+FFFD; in attributes, tab, line feed and carriage return
 * become character references so attribute normalisation keeps them.
 */
export function escapeXml(text: string, attribute = false): string {
  // Controls but tab, line feed, carriage return, DEL and C1 (which XML allows); surrogates out of a pair; two non-characters.
  const valid = text.replace(/(?![\t\n\r\x7f-\x9f])[\p{Cc}\p{Cs}\ufffe\uffff]/gu, '\ufffd')
  const escaped = valid.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;') : escaped
}

function place(finding: Finding): string {
  return `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`
}

/**
 * Findings as JUnit XML for CI test reports: one `<testsuite name="followthrough">`
 * with one `<testcase classname="followthrough" name="<file>">` per file
 * linted (`files`, then any other file a finding is in, such as a register),
 * paths relative to `cwd`. Each error is a `<failure type="<rule>" message="…">`
 * whose text gives the place, message and rule; warnings and info go to the
 * test case's `<system-out>`, one line each. `tests` counts the test cases and
 * `failures` the test cases with at least one failure (a file is one test).
 */
export function formatJunit(findings: readonly Finding[], options: { cwd: string; files: readonly string[] }): string {
  const name = (file: string) => relative(options.cwd, file).split(sep).join('/')
  const byFile = new Map<string, Finding[]>()
  for (const file of options.files) if (!byFile.has(file)) byFile.set(file, [])
  const extra = new Set<string>()
  for (const finding of findings) {
    if (!byFile.has(finding.file)) extra.add(finding.file)
  }
  for (const file of [...extra].sort()) byFile.set(file, [])
  for (const finding of findings) byFile.get(finding.file)?.push(finding)

  let failures = 0
  const cases = [...byFile].map(([file, found]) => {
    const errors = found.filter((finding) => finding.severity === 'error')
    const others = found.filter((finding) => finding.severity !== 'error')
    if (errors.length > 0) failures += 1
    const open = `    <testcase classname="followthrough" name="${escapeXml(name(file), true)}"`
    if (found.length === 0) return `${open}/>`
    const lines = [`${open}>`]
    for (const finding of errors) {
      const detail = `${name(file)}:${place(finding)} ${finding.message} (${finding.ruleId})${finding.url !== undefined ? `\n${finding.url}` : ''}`
      lines.push(`      <failure type="${escapeXml(finding.ruleId, true)}" message="${escapeXml(finding.message, true)}">${escapeXml(detail)}</failure>`)
    }
    if (others.length > 0) {
      const text = others.map((finding) => `${place(finding)}  ${finding.severity}  ${finding.message}  ${finding.ruleId}`).join('\n')
      lines.push(`      <system-out>${escapeXml(text)}</system-out>`)
    }
    lines.push('    </testcase>')
    return lines.join('\n')
  })
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="0"`
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="followthrough" ${counts}>`,
    `  <testsuite name="followthrough" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    ''
  ].join('\n')
}
