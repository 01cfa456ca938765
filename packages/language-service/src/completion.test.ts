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
  const at = (text: string) => completionContext(text, text.length, [{ prefix: 'R', keywords }])
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
  it("finds every scheme's prefix and keywords, a keyword of several words over a line break too", () => {
    const schemes = [
      { prefix: 'R', keywords },
      { prefix: 'AFI', keywords: ['Area for improvement', 'Areas for improvement', 'AFI'] }
    ]
    const inspection = (text: string) => completionContext(text, text.length, schemes)
    expect(inspection('see AFI')).toMatchObject({ form: 'id', prefix: 'AFI', typed: '', start: 4 })
    expect(inspection('see nci24:AFI3')).toMatchObject({ form: 'id', prefix: 'AFI', typed: '3', qualifier: 'nci24' })
    expect(inspection('see R4.')).toMatchObject({ form: 'id', prefix: 'R', typed: '4.' })
    expect(inspection('Areas for improvement ')).toMatchObject({ form: 'keyword', prefix: 'AFI', typed: '' })
    expect(inspection('the areas for\nimprovement 2 and ')).toMatchObject({ form: 'keyword', prefix: 'AFI', typed: '' })
    expect(inspection('AFI 1, ')).toMatchObject({ form: 'keyword', prefix: 'AFI', typed: '' })
    expect(inspection('Recommendations 4.1, 4.')).toMatchObject({ form: 'keyword', prefix: 'R', typed: '4.' })
    expect(inspection('Area for improvement cell')).toMatchObject({ form: 'keyword', prefix: 'AFI', typed: 'cell' })
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

  it("with a register of two schemes: each scheme's prefix and keywords offer its own ids, dotted ones too, with titles", async () => {
    const inspection = {
      [`${root}/followthrough.config.json`]: '{ "registers": ["inspection.yaml"] }',
      [`${root}/inspection.yaml`]: [
        'inquiry: { id: nci24, title: Custody inspection, published: 2024-05-01 }',
        'schemes:',
        '  - { prefix: R, keywords: [Recommendation, Recommendations] }',
        '  - { prefix: AFI, keywords: [Area for improvement, Areas for improvement, AFI] }',
        'owners: [{ id: police, name: West Mercia Police }]',
        'recommendations:',
        '  - { id: R1, title: Custody records, owners: [police] }',
        '  - { id: R4.10, title: Complaints, owners: [police] }',
        '  - { id: R4.2, title: Rest periods, owners: [police] }',
        '  - { id: R4.9, title: Meals, owners: [police] }',
        '  - { id: AFI2, title: Cell checks, owners: [police] }',
        '  - { id: AFI1, title: Handover briefings, owners: [police] }',
        ''
      ].join('\n')
    }
    const labels = async (body: string) =>
      (await completeAfter(body, {}, inspection)).list.items.map((item) => [item.label, item.labelDetails?.description, item.textEdit?.newText])
    expect(await labels('See AFI')).toEqual([
      ['AFI1', 'Handover briefings', 'AFI1'],
      ['AFI2', 'Cell checks', 'AFI2']
    ])
    expect(await labels('The Areas for improvement ')).toEqual([
      ['AFI1', 'Handover briefings', '1'],
      ['AFI2', 'Cell checks', '2']
    ])
    expect(await labels('The areas for\nimprovement 1,')).toHaveLength(2)
    expect(await labels('Area for improvement cell')).toEqual([['AFI2', 'Cell checks', '2']])
    expect(await labels('See R')).toEqual([
      ['R1', 'Custody records', 'R1'],
      ['R4.2', 'Rest periods', 'R4.2'],
      ['R4.9', 'Meals', 'R4.9'],
      ['R4.10', 'Complaints', 'R4.10']
    ])
    // A keyword being typed is offered whole, naming its scheme's ids; the case of the first letter is kept.
    const keywords = async (body: string) => (await completeAfter(body, {}, inspection)).list.items.map((item) => [item.label, item.detail, item.textEdit?.newText])
    expect(await keywords('The Areas f')).toEqual([['Areas for improvement', 'names AFI ids: AFI1, AFI2', 'Areas for improvement ']])
    expect(await keywords('the areas for\nimp')).toEqual([['Areas for improvement', 'names AFI ids: AFI1, AFI2', 'areas for improvement ']])
    expect(await keywords('An Area f')).toEqual([['Area for improvement', 'names AFI ids: AFI1, AFI2', 'Area for improvement ']])
    expect(await keywords('See Reco')).toEqual([
      ['Recommendation', 'names R ids: R1, R4.2, R4.9, …', 'Recommendation '],
      ['Recommendations', 'names R ids: R1, R4.2, R4.9, …', 'Recommendations ']
    ])
    expect(await keywords('A report')).toEqual([])
    expect(await keywords('An a')).toEqual([])
    expect(await keywords('Areas for\n\nimp')).toEqual([])
    expect(await labels('Recommendation 4.')).toEqual([
      ['R4.2', 'Rest periods', '4.2'],
      ['R4.9', 'Meals', '4.9'],
      ['R4.10', 'Complaints', '4.10']
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
