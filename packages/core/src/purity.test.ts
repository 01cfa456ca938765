import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// The core must run in a browser: its sources (tests aside) may not reach for
// Node's built-ins, the process or an editor.
const forbidden = /from ['"](node:[^'"]+|fs|path|os|child_process|vscode)['"]|\bprocess\.|\brequire\(/

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('core purity', () => {
  const root = import.meta.dirname
  it('has sources to check', () => {
    expect(sources(root).length).toBeGreaterThan(5)
  })
  it.each(sources(import.meta.dirname).map((path) => [relative(root, path), path]))('%s uses no Node or editor API', (_name, path) => {
    expect(readFileSync(path, 'utf8')).not.toMatch(forbidden)
  })
})
