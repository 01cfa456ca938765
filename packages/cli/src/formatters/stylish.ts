import { relativePath, type Finding } from '@followthrough/engine'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'
import { visible } from './text.js'

/**
 * Findings grouped by file, as remark-cli and friends print them (vfile-reporter):
 * `3:1-3:24  error  Unexpected …  unknown-recommendation  followthrough`.
 * File names, messages and rule ids are made {@link visible}: a terminal shows
 * their control characters instead of obeying them.
 */
export function formatStylish(findings: readonly Finding[], options: { cwd: string; color: boolean; files: readonly string[] }): string {
  const byFile = new Map<string, VFile>()
  const fileFor = (path: string) => {
    let file = byFile.get(path)
    if (!file) {
      file = new VFile({ path: visible(relativePath(options.cwd, path)) })
      byFile.set(path, file)
    }
    return file
  }
  for (const finding of findings) {
    const message = new VFileMessage(visible(finding.message), {
      place: { start: { line: finding.line, column: finding.column }, end: { line: finding.endLine, column: finding.endColumn } },
      ruleId: visible(finding.ruleId),
      source: 'followthrough'
    })
    message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined
    if (finding.url !== undefined) message.url = finding.url
    fileFor(finding.file).messages.push(message)
  }
  const files = [...byFile.values()]
  if (files.length === 0) return `${options.files.length} file${options.files.length === 1 ? '' : 's'} checked: no problems\n`
  return reporter(files, { color: options.color }) + '\n'
}
