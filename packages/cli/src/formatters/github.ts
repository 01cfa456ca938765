import { relative, sep } from 'node:path'
import type { Finding } from '@followthrough/engine'
import { visible } from './text.js'

const commands: Readonly<Record<Finding['severity'], string>> = { error: 'error', warning: 'warning', info: 'notice' }

/**
 * Escape a workflow command's message as GitHub's toolkit does: `%`, `\r`,
 * `\n`; other control characters are made {@link visible}, since the runner's
 * log is a terminal of its own (it renders ANSI colours).
 */
export function escapeData(text: string): string {
  return visible(text, { keepLineBreaks: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a workflow command's property value: as {@link escapeData}, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Findings as GitHub Actions workflow commands, one line each, which the
 * runner turns into annotations on the pull request:
 * `::error file=minutes/a.md,line=3,col=1,endLine=3,endColumn=24,title=unknown-recommendation::Unexpected …`.
 * Warnings use `::warning`, info `::notice`. Files are relative to `cwd`
 * (the workspace root in a workflow), with `/` separators.
 */
export function formatGithub(findings: readonly Finding[], options: { cwd: string }): string {
  return findings
    .map((finding) => {
      const file = relative(options.cwd, finding.file).split(sep).join('/')
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(finding.ruleId)}`
      ]
      return `::${commands[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`
    })
    .join('')
}
