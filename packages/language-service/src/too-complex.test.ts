import { describe, expect, it } from 'vitest'
import type { Diagnostic } from 'vscode-languageserver-types'
import { documentOf, messageText, minutes, root, serviceOver, smallRegister } from '../test/helpers.js'

// Documents micromark parses in quadratic time: the editor blocked for 18 s
// on 15 KB of them. The service now answers with a `too-complex` warning and
// still checks the references inside (timings: `bench/complexity.mjs`).

const files = { [`${root}/recommendations.yaml`]: smallRegister(), [`${root}/followthrough.config.json`]: '{ "minutes": ["minutes/**/*.md"] }' }
const path = `${root}/minutes/2023-04-17.md`

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${messageText(d)}`)
}

const room = { timeout: 120_000 }

describe('a document too complex to parse in linear time', () => {
  it('gets a too-complex warning and its references checked, before and after an edit', room, async () => {
    const { service } = await serviceOver(files)
    const body = '*a '.repeat(2500) + 'R99 and R3 ' + '*a '.repeat(2500)
    const text = minutes('2023-04-17', body)
    const line = 8
    const r99 = 2500 * 3
    const expected = [
      `${line}:0-${line}:${body.length} too-complex Unexpected paragraph with 5000 emphasis, link, code and HTML markers, expected at most 1000: read as plain text (split it into smaller paragraphs)`,
      `${line}:${r99}-${line}:${r99 + 3} unknown-recommendation Unexpected unknown recommendation R99, expected an id of iitcse such as R9`
    ]
    const opened = documentOf(path, text, 1)
    await service.didOpen(opened)
    expect(summary(await service.getDiagnostics(opened))).toEqual(expected)
    // A character typed at the start of the paragraph moves both by one.
    const at = text.indexOf('*a ')
    const edited = documentOf(path, `${text.slice(0, at)}x${text.slice(at)}`, 2)
    await service.didChange(edited)
    expect(summary(await service.getDiagnostics(edited))).toEqual([
      `${line}:0-${line}:${body.length + 1} too-complex Unexpected paragraph with 5000 emphasis, link, code and HTML markers, expected at most 1000: read as plain text (split it into smaller paragraphs)`,
      `${line}:${r99 + 1}-${line}:${r99 + 4} unknown-recommendation Unexpected unknown recommendation R99, expected an id of iitcse such as R9`
    ])
    service.dispose()
  })

  it('reads block quotes nested 10,000 deep, reporting the nesting', room, async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(path, minutes('2023-04-17', `${'> '.repeat(10_000)}R99\n\nR3 after.`))
    await service.didOpen(document)
    expect(summary(await service.getDiagnostics(document))).toEqual([
      '8:64-8:20003 too-complex Unexpected block quotes or list items nested 10000 deep, expected at most 32: the deeper part read as plain text',
      '8:20000-8:20003 unknown-recommendation Unexpected unknown recommendation R99, expected an id of iitcse such as R9'
    ])
    service.dispose()
  })
})
