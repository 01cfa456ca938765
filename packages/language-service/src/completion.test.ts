import { assert, describe, expect, it } from 'vitest'
import type { CompletionList } from 'vscode-languageserver-types'
import { documentOf, fileText, lineAt, minutes, root, serviceOver, smallRegister, telfordFiles } from '../test/helpers.js'
import { completionContext } from './completion.js'

const files = telfordFiles()

/** Complete at the end of `body` in fresh minutes. */
async function completeAfter(body: string, extra: Record<string, string> = {}, given = files): Promise<{ list: CompletionList; text: string }> {
  const { service } = await serviceOver({ ...given, ...extra })
  const text = minutes('2024-11-01', body).trimEnd()
  const document = documentOf(`${root}/minutes/new.md`, text)
  return { list: await service.getCompletions(document, document.positionAt(text.length)), text }
}

describe('completionContext', () => {
  const keywords = ['Recommendation', 'Recommendations', 'Rec', 'Rec.', 'Recs']
  const at = (text: string) => completionContext(text, text.length, 'R', keywords)
  it('finds the id form, the keyword form and lists', () => {
    expect(at('see R')).toMatchObject({ form: 'id', typed: '', start: 4 })
    expect(at('see R1')).toMatchObject({ form: 'id', typed: '1', start: 4 })
    expect(at('see iitcse:R1')).toMatchObject({ form: 'id', typed: '1', start: 11, qualifier: 'iitcse' })
    expect(at('Recommendation ')).toMatchObject({ form: 'keyword', typed: '', start: 15 })
    expect(at('recommendation #1')).toMatchObject({ form: 'keyword', typed: '1' })
    expect(at('Recs 3, ')).toMatchObject({ form: 'keyword', typed: '' })
    expect(at('Recommendations 3–5 and ')).toMatchObject({ form: 'keyword', typed: '' })
    expect(at('Recommendation train')).toMatchObject({ form: 'keyword', typed: 'train', start: 15 })
    expect(at('*Recommendation* 1')).toMatchObject({ form: 'keyword', typed: '1' })
    expect(at('the Recommendation\n1')).toMatchObject({ form: 'keyword', typed: '1' })
  })
  it('finds nothing elsewhere', () => {
    expect(at('PR')).toBeUndefined()
    expect(at('some words ')).toBeUndefined()
    expect(at('Recommendation\n\n1')).toBeUndefined()
    expect(at('')).toBeUndefined()
    expect(at('R2D')).toBeUndefined()
  })
})

describe('getCompletions', () => {
  it('offers every id after "Recommendation ", sorted naturally, with title and status, inserting the number', async () => {
    const { list } = await completeAfter('Discussed Recommendation ')
    expect(list.items.length).toBe(47)
    const labels = list.items.map((item) => item.label)
    expect(labels.slice(0, 3)).toEqual(['R1', 'R2', 'R3'])
    const sorted = list.items.map((item) => {
      assert.isDefined(item.sortText, `the sortText of ${item.label}`)
      return { sortText: item.sortText, label: item.label }
    })
    expect(
      sorted
        .sort((a, b) => (a.sortText < b.sortText ? -1 : 1))
        .map((item) => item.label)
        .slice(8, 11)
    ).toEqual(['R9', 'R10', 'R11'])
    const twelve = list.items.find((item) => item.label === 'R12')
    assert(twelve, 'an item R12')
    expect(twelve.labelDetails?.description).toBe('Record children as victims, never as consenting')
    expect(twelve.detail).toBe('implemented · Record children as victims, never as consenting')
    expect(twelve.textEdit?.newText).toBe('12')
  })

  it('filters by a word of the title or text after a keyword, and inserts the number in its place', async () => {
    const { list, text } = await completeAfter('Discussed Recommendation train')
    const labels = list.items.map((item) => item.label)
    expect(labels).toContain('R8')
    expect(labels).toContain('R14')
    expect(labels).not.toContain('R12')
    const eight = list.items.find((item) => item.label === 'R8')
    assert(eight, 'an item R8')
    const line = text.split('\n').length - 1
    expect(eight.textEdit).toEqual({
      range: { start: { line, character: 'Discussed Recommendation '.length }, end: { line, character: lineAt(text, line).length } },
      newText: '8'
    })
  })

  it('offers ids after the prefix and filters by the digits typed', async () => {
    const { list } = await completeAfter('Progress on R1')
    const labels = list.items.map((item) => item.label)
    expect(labels).toEqual(['R1', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19'])
    expect(list.items[3]?.textEdit?.newText).toBe('R12')
  })

  it('continues a list ("Recs 3, ") and offers nothing in plain prose', async () => {
    expect((await completeAfter('Recs 3, ')).list.items.length).toBe(47)
    expect((await completeAfter('Nothing to see ')).list.items).toEqual([])
  })

  it('with two registers: qualified ids, or the register the front matter or qualifier names', async () => {
    const two = {
      [`${root}/followthrough.config.json`]: '{ "registers": ["a.yaml", "b.yaml"] }',
      [`${root}/a.yaml`]: smallRegister('alpha', 3),
      [`${root}/b.yaml`]: smallRegister('beta', 2)
    }
    const both = (await completeAfter('See R', {}, two)).list.items
    expect(both.map((item) => item.label)).toEqual(['alpha:R1', 'alpha:R2', 'alpha:R3', 'beta:R1', 'beta:R2'])
    expect(both[0]?.textEdit?.newText).toBe('alpha:R1')
    const qualified = (await completeAfter('See beta:R', {}, two)).list.items
    expect(qualified.map((item) => [item.label, item.textEdit?.newText])).toEqual([
      ['R1', 'R1'],
      ['R2', 'R2']
    ])
  })

  it('gives nothing outside Markdown and honours cancellation', async () => {
    const { service } = await serviceOver(files)
    const register = documentOf(`${root}/recommendations.yaml`, fileText(files, `${root}/recommendations.yaml`))
    expect((await service.getCompletions(register, { line: 0, character: 0 })).items).toEqual([])
    const document = documentOf(`${root}/minutes/new.md`, 'Recommendation ')
    expect((await service.getCompletions(document, { line: 0, character: 15 }, { isCancellationRequested: true })).items).toEqual([])
    expect((await service.getCompletions(document, { line: 0, character: 15 })).items.length).toBe(47)
  })
})
