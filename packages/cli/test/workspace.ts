import { execFile } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WritableFileSystem } from '@followthrough/engine'
import { main } from '../src/main.js'

/** The real bin, as users run it (built by `npm run build`). */
export const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'followthrough.js')

/** Anything a terminal acts on: controls but tab and line feed (C0, DEL, C1), bidi controls, line and paragraph separators. */
export const terminalControls = /(?![\t\n])[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u

/** The UTF-16 code units (a surrogate alone) a pattern matches on their own: pins down the characters of a pattern such as {@link terminalControls}. */
export function codeUnitsMatching(pattern: RegExp): number[] {
  const codes: number[] = []
  for (let code = 0; code <= 0xffff; code++) if (pattern.test(String.fromCharCode(code))) codes.push(code)
  return codes
}

/** Code units from `first` to `last`, both included. */
export function codeRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index)
}

/** A temporary workspace on disk with the given files. */
export function workspace(files: Record<string, string | Buffer>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'followthrough-cli-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return {
    root,
    cleanup: () => {
      rmSync(root, { recursive: true, force: true })
    }
  }
}

/** Run the bin in a folder; resolves with its exit code and output. */
export function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** Run `main` in this process over the given file system (colour off), as of `today`; resolves with its exit code and output. */
export async function runInProcess(argv: string[], fs: WritableFileSystem, cwd: string, today = '2024-05-01'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd,
    fs,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1' },
    today
  })
  return { code, stdout, stderr }
}

export const register = `inquiry:
  id: iitcse
  title: Independent Inquiry into Telford Child Sexual Exploitation
  published: 2022-07-12
owners:
  - id: council
    name: Telford & Wrekin Council
  - id: west-mercia-police
    name: West Mercia Police
recommendations:
  - id: R1
    title: Publish a partnership report each year
    owners: [council, west-mercia-police]
    due: 2023-06-30
    history:
      - date: 2023-01-18
        status: in-progress
  - id: R2
    title: Review exploitation training
    owners: [west-mercia-police]
    due: 2024-03-31
  - id: R3
    title: Train licensing staff
    owners: [council]
    status: superseded
    supersededBy: R2
`

/** Minutes with front matter; body given. */
export function minutes(date: string, body: string): string {
  return `---
meeting: accountability
date: ${date}
title: Accountability meeting
chair: John Campion
attendees: [Pippa Mills]
---

${body}
`
}

/**
 * A register with the accountability cycle in its `history`: responses (one
 * overdue), assurance on status events, and due dates moved (one with reasons,
 * one brought forward without). Figures on 2024-10-01, by hand: responses due
 * 2024-02-26 (published + 56 days); R3 awaits one, R6 is superseded; the
 * assurance gap is R2 (claimed) and R3 (evidenced); R2 slipped 275 days in two
 * revisions (2024-03-31 → 2024-12-31), R4 was brought forward 61 days.
 */
export const accountabilityRegister = `inquiry:
  id: acc
  title: Accountability Review
  published: 2024-01-01
  responseDays: 56
owners:
  - id: council
    name: Borough Council
  - id: police
    name: County Police
recommendations:
  - id: R1
    title: Name a lead member
    owners: [council]
    due: 2024-06-30
    response: { decision: accepted, date: 2024-02-01 }
    history:
      - { date: 2024-05-01, status: implemented, assurance: verified, by: Internal audit }
  - id: R2
    title: Commission a case audit
    owners: [council, police]
    due: 2024-03-31
    response: { decision: accepted-in-principle, date: 2024-02-20 }
    history:
      - { date: 2024-03-01, due: 2024-09-30, reason: supplier delay }
      - { date: 2024-08-01, due: 2024-12-31, reason: contract re-tendered }
      - { date: 2024-09-01, status: ready-for-assessment, assurance: claimed, by: Council }
  - id: R3
    title: Train every officer
    owners: [police]
    due: 2024-06-30
    history:
      - date: 2024-06-01
        status: implemented
        assurance: evidenced
        evidence:
          - { title: Training records, href: 'https://example.org/training.pdf', date: 2024-05-30 }
  - id: R4
    title: Record ethnicity of victims
    owners: [police]
    due: 2024-12-31
    response: { decision: not-accepted, date: 2024-02-10 }
    history:
      - { date: 2024-04-01, due: 2024-10-31 }
  - id: R5
    title: Fund survivor support
    owners: [council]
    status: in-progress
    response: { decision: partially-accepted, date: 2024-03-15 }
  - id: R6
    title: Set up a panel
    owners: [council]
    supersededBy: R5
    history:
      - { date: 2024-02-01, status: superseded }
`
