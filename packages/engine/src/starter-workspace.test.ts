import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { draftRegister } from './draft-register.js'
import { MemoryFileSystem } from './memory-file-system.js'
import { starterWorkspace } from './starter-workspace.js'
import { allFindings, listMinutes, loadWorkspace, readMinutes } from './workspace.js'

const inquiry = { id: 'northshire', title: 'Independent Review of Child Protection in Northshire', published: '2024-03-01' }

/** The findings of a workspace made of these files, as `lint` computes them. */
async function findingsOf(files: ReturnType<typeof starterWorkspace>) {
  const fs = new MemoryFileSystem(Object.fromEntries(files.map((file) => [`/w/${file.path}`, file.text])))
  const workspace = await loadWorkspace(fs, '/w')
  const paths = await listMinutes(fs, workspace)
  const analyses = await Promise.all(paths.map((path) => readMinutes(fs, path, workspace)))
  return { workspace, paths, findings: allFindings(workspace, analyses) }
}

describe('starterWorkspace', () => {
  it('is a config with $schema, an empty register and first minutes, which lint clean', async () => {
    const files = starterWorkspace({ inquiry, date: '2024-05-02' })
    expect(files.map((file) => file.path)).toEqual(['followthrough.config.json', 'recommendations.yaml', 'minutes/2024-05-02-accountability.md'])
    expect(JSON.parse(files[0]?.text ?? '')).toEqual({
      $schema: './node_modules/@followthrough/core/schemas/config.schema.json',
      registers: ['recommendations.yaml'],
      minutes: ['minutes/**/*.md']
    })
    expect(files[2]?.text).toMatch(/^---\nmeeting: accountability\ndate: 2024-05-02\ntitle: Accountability meeting, 2 May 2024\n/)
    const { workspace, paths, findings } = await findingsOf(files)
    expect(workspace.broken).toBe(false)
    expect(workspace.context.registers.map((register) => register.inquiry)).toEqual([inquiry])
    expect(paths).toEqual(['/w/minutes/2024-05-02-accountability.md'])
    expect(findings).toEqual([])
  })

  it('holds a drafted register that loads without findings', async () => {
    const report = readFileSync(new URL('../test/fixtures/inquiry-report.txt', import.meta.url), 'utf8')
    const files = starterWorkspace({ inquiry, date: '2024-05-02', draft: { register: draftRegister(report, inquiry), source: 'report.txt' } })
    expect(files[1]?.text).toContain('# Drafted from report.txt: check each title, text and owner against the report.\n')
    const { workspace, findings } = await findingsOf(files)
    expect(findings).toEqual([])
    expect(workspace.context.registers[0]?.recommendations.map((recommendation) => recommendation.id)).toEqual(['R1', 'R2', 'R3', 'R5', 'R6', 'R7', 'R9', 'R10', 'R11'])
  })
})
