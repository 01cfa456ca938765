import * as z from 'zod'
import { ConfigSchema } from './schemas/config.js'
import { RegisterSchema } from './schemas/register.js'

/**
 * JSON Schema (draft-07, which VS Code and yaml-language-server both read) of
 * a register file, generated from {@link RegisterSchema}. Cross-references
 * (owner ids, duplicate ids, `supersededBy`) are beyond JSON Schema and are
 * checked by `parseRegister` only.
 */
export function registerJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RegisterSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }),
    title: 'Followthrough register',
    description: 'One inquiry or inspection: its owners and recommendations, with dated status history.'
  }
}

/** JSON Schema (draft-07) of `followthrough.config.json`, generated from {@link ConfigSchema}. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }),
    title: 'Followthrough configuration',
    description: 'Where the registers and minutes are, the reference grammar and rule severities.'
  }
}

/** The committed schema files, by path relative to the core package. */
export function jsonSchemaFiles(): Record<string, string> {
  return {
    'schemas/register.schema.json': JSON.stringify(registerJsonSchema(), null, 2) + '\n',
    'schemas/config.schema.json': JSON.stringify(configJsonSchema(), null, 2) + '\n'
  }
}
