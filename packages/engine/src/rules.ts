import { rules as pluginRules } from '@followthrough/remark-recommendations'
import type { FindingSeverity } from './finding.js'

/** A rule any Followthrough host can report: id, default severity, what it checks, its docs. */
export interface EngineRule {
  readonly id: string
  readonly severity: FindingSeverity
  readonly description: string
  readonly url: string
}

const docs = 'https://github.com/followthrough/followthrough/blob/main/packages/engine/README.md'

/** The documentation URL of one of the engine's own rules. */
export function engineRuleUrl(id: string): string {
  return `${docs}#${id}`
}

function rule(id: string, severity: FindingSeverity, description: string, anchor = id): EngineRule {
  return Object.freeze({ id, severity, description, url: engineRuleUrl(anchor) })
}

const files = 'register-not-found-config-not-found-unreadable-file-outside-workspace-invalid-encoding-duplicate-register'

const parsing = 'yaml-syntax-json-syntax-duplicate-key-invalid-register-invalid-config'

/**
 * Every rule the engine reports, the remark plugin's included, for SARIF rule
 * tables and editors' documentation links. One list, so a rule exists once.
 */
export const allRules: readonly EngineRule[] = Object.freeze([
  ...pluginRules,
  rule('status-regression', 'warning', 'A status update moves a recommendation backwards without a note.'),
  rule('discussed-after-closure', 'info', 'Minutes discuss a recommendation that was already implemented or rejected.'),
  rule('reference-style', 'warning', 'A reference is not written in the house style the config sets (fixable with --fix).'),
  rule('yaml-syntax', 'error', 'A register, config or front matter is not valid YAML.', parsing),
  rule('json-syntax', 'error', 'A register or config is not valid JSON.', parsing),
  rule('duplicate-key', 'error', 'A mapping in a register or config has the same key twice.', parsing),
  rule('invalid-register', 'error', 'A register does not match the register schema.', parsing),
  rule('invalid-config', 'error', 'followthrough.config.json does not match the config schema.', parsing),
  rule('register-not-found', 'error', 'A configured register cannot be read.', files),
  rule('config-not-found', 'error', 'The config file named cannot be read.', files),
  rule('unreadable-file', 'error', 'A file cannot be read, is not a regular file or is larger than 16 MiB.', files),
  rule('outside-workspace', 'error', 'A register or minutes file is outside the workspace folder (not read).', files),
  rule('invalid-encoding', 'error', 'A file is not UTF-8 (UTF-16 is named; other bytes are reported where they are).', files),
  rule('duplicate-register', 'error', 'Two configured registers have the same id.', files)
  // `internal-error` and `too-complex` are the plugin's rules (above), reported by the engine too.
])
