import { parseWithSchema, type ParseOptions } from './parse.js'
import type { ParseResult } from './problem.js'
import { ConfigSchema, type Config } from './schemas/config.js'
import { MeetingSchema, type Meeting } from './schemas/meeting.js'
import { RegisterSchema, type Register } from './schemas/register.js'

/**
 * Parse and validate a register (YAML or JSON). Never throws: problems carry
 * the rule id `yaml-syntax`, `json-syntax`, `duplicate-key` or `invalid-register`
 * and point at the offending node.
 *
 * @example
 * const result = parseRegister(text, { path: 'recommendations.yaml' })
 * if (result.ok) console.log(result.value.recommendations.length)
 */
export function parseRegister(text: string, options: ParseOptions = {}): ParseResult<Register> {
  return parseWithSchema(text, RegisterSchema, { ruleId: 'invalid-register', ...options })
}

/**
 * Parse and validate `followthrough.config.json` (JSON or YAML), filling in
 * defaults. Never throws; schema problems carry the rule id `invalid-config`.
 */
export function parseConfig(text: string, options: ParseOptions = {}): ParseResult<Config> {
  return parseWithSchema(text, ConfigSchema, { format: 'json', ruleId: 'invalid-config', ...options })
}

/**
 * Parse and validate the YAML front matter of minutes. Pass `origin` (where the
 * YAML starts in the Markdown file) so problems point into the minutes. Schema
 * problems carry the rule id `invalid-front-matter`.
 */
export function parseMeeting(text: string, options: ParseOptions = {}): ParseResult<Meeting> {
  return parseWithSchema(text, MeetingSchema, { format: 'yaml', ruleId: 'invalid-front-matter', ...options })
}
