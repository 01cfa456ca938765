import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { configJsonSchema, jsonSchemaFiles, registerJsonSchema } from './json-schemas.js'

const root = join(import.meta.dirname, '..')

describe('JSON Schemas', () => {
  it('are committed and up to date (run `npm run schemas -w @followthrough/core` to refresh)', () => {
    for (const [path, content] of Object.entries(jsonSchemaFiles())) {
      expect(readFileSync(join(root, path), 'utf8'), path).toBe(content)
    }
  })

  it('describe the register shape editors validate', () => {
    const schema = registerJsonSchema() as {
      required: string[]
      properties: { recommendations: { items: { properties: Record<string, { pattern?: string; enum?: string[] }>; required: string[] } } }
    }
    expect(schema.required).toEqual(['inquiry', 'owners', 'recommendations'])
    const recommendation = schema.properties.recommendations.items
    expect(recommendation.required).toEqual(['id', 'title', 'owners'])
    expect(recommendation.properties['id']?.pattern).toBe('^[A-Z][A-Za-z]*\\d+(?:\\.\\d+)*[a-z]?$')
    expect(recommendation.properties['due']?.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$')
    expect(recommendation.properties['status']?.enum).toContain('ready-for-assessment')
  })

  it('give the config defaults', () => {
    const schema = configJsonSchema() as { properties: Record<string, { default?: unknown }>; additionalProperties: boolean }
    expect(schema.properties['registers']?.default).toEqual(['recommendations.yaml'])
    expect(schema.properties['minutes']?.default).toEqual(['minutes/**/*.md'])
    expect(schema.additionalProperties).toBe(false)
  })
})
