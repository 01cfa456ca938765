import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { documentOf, fileText, markdown, minutes, positionOf, root, serviceOver, smallRegister, telfordFiles } from '../test/helpers.js'

const files = telfordFiles()
const april = `${root}/minutes/2023-04-17-accountability.md`

describe('getHover', () => {
  it('shows id, title, text, owners, status and since, due (overdue marked), last discussed', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(april, fileText(files, april))
    const hover = await service.getHover(document, positionOf(document, 'Recommendation* 12', 18))
    const value = markdown(hover)
    expect(value).toContain('**R12** · Record children as victims, never as consenting')
    expect(value).toContain('Police records and reports should describe exploited children as victims')
    expect(value).toContain('**Owner:** West Mercia Police')
    expect(value).toContain('**Status:** implemented since 2023-10-18 (as of 2024-11-28)')
    expect(value).toContain('**Due:** 2023-03-31')
    expect(value).toMatch(/\*\*Last discussed:\*\* 2024-10-16 in \[2024-10-16-accountability\.md\]\(file:\/\/\/telford\/minutes\/2024-10-16-accountability\.md\) \(43 days ago/)
    // The reference's span, from the keyword to the number, is the hovered range.
    expect(hover?.range).toEqual({ start: positionOf(document, 'Recommendation* 12'), end: positionOf(document, 'Recommendation* 12', 18) })
  })

  it('marks an open recommendation past its due date as overdue', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(april, fileText(files, april))
    const hover = await service.getHover(document, positionOf(document, 'Rec. 14', 6))
    expect(markdown(hover)).toMatch(/\*\*Due:\*\* 2024-03-31 — \*\*overdue\*\* by 242 days/)
  })

  it('lists the members of a range compactly', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(april, fileText(files, april))
    const hover = await service.getHover(document, positionOf(document, 'R3-R5', 1))
    expect(markdown(hover).split('\n')).toEqual([
      '**R3–R5** (3 recommendations)',
      '',
      '- **R3** · Adopt a victim-first standard for every CSE investigation — implemented',
      '- **R4** · Keep the specialist CSE investigation team at full strength — implemented',
      '- **R5** · Supervisor review of new CSE reports within 48 hours — implemented'
    ])
  })

  it('says an unknown id is unknown and suggests the nearest', async () => {
    const { service } = await serviceOver(files)
    const path = `${root}/minutes/2024-01-17-accountability.md`
    const document = documentOf(path, fileText(files, path))
    const value = markdown(await service.getHover(document, positionOf(document, '(R52)', 2)))
    expect(value).toContain('**R52** is not a recommendation of Independent Inquiry into Telford Child Sexual Exploitation (R1 to R47).')
    expect(value).toContain('- **R5** · Supervisor review of new CSE reports within 48 hours')
    expect(value).toContain('- **R42**')
  })

  it('works on ids in the register, and on a reference at the very end of a file', async () => {
    const { service } = await serviceOver(files)
    const register = documentOf(`${root}/recommendations.yaml`, fileText(files, `${root}/recommendations.yaml`))
    const value = markdown(await service.getHover(register, positionOf(register, 'supersededBy: R46', 15)))
    expect(value).toContain('**R46** · Independent review of implementation after two years')
    const end = documentOf(`${root}/minutes/end.md`, minutes('2024-11-01', 'Last word on R45').trimEnd())
    const hover = await service.getHover(end, end.positionAt(end.getText().length))
    expect(markdown(hover)).toContain('**Superseded by:** R46')
  })

  it('gives nothing away from references, in empty documents and in documents without front matter', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(april, fileText(files, april))
    expect(await service.getHover(document, positionOf(document, 'Attendance'))).toBeUndefined()
    expect(await service.getHover(documentOf(`${root}/minutes/empty.md`, ''), { line: 0, character: 0 })).toBeUndefined()
    const bare = documentOf(`${root}/minutes/bare.md`, 'R12 without front matter')
    expect(markdown(await service.getHover(bare, { line: 0, character: 1 }))).toContain('**R12**')
    // Code is not a reference.
    const code = documentOf(`${root}/minutes/code.md`, minutes('2024-11-01', 'Use `R12` here'))
    expect(await service.getHover(code, positionOf(code, 'R12', 1))).toBeUndefined()
  })

  it('with two registers: names the register, and explains an ambiguous reference', async () => {
    const { service } = await serviceOver({
      [`${root}/followthrough.config.json`]: '{ "registers": ["a.yaml", "b.yaml"] }',
      [`${root}/a.yaml`]: smallRegister('alpha', 3),
      [`${root}/b.yaml`]: smallRegister('beta', 5)
    })
    const document = documentOf(`${root}/minutes/x.md`, minutes('2023-04-17', 'beta:R4 and R2.'))
    expect(markdown(await service.getHover(document, positionOf(document, 'beta:R4', 6)))).toContain('*Inquiry beta* (`beta`)')
    const ambiguous = markdown(await service.getHover(document, positionOf(document, 'R2', 1)))
    expect(ambiguous).toContain('**R2** is ambiguous')
    expect(ambiguous).toContain('`alpha:R2`')
    expect(ambiguous).toContain('`beta:R2`')
  })

  it("shows a recommendation's text as its paragraphs, with nothing in it formatting", async () => {
    const register = smallRegister('iitcse', 3).replace(
      '  - id: R2\n',
      '  - id: R2\n    text: |\n      Train *all* officers\n      # not a heading\n\n      > not a quote\n\n      ![pixel](https://evil.example/p.png) <img src=x>\n\n      # Not a heading either\n'
    )
    const { service } = await serviceOver({ [`${root}/recommendations.yaml`]: register })
    const document = documentOf(`${root}/minutes/x.md`, minutes('2023-04-17', 'See R2.'))
    const value = markdown(await service.getHover(document, positionOf(document, 'R2', 1)))
    expect(value).toContain(
      '\n\nTrain \\*all\\* officers # not a heading\n\n\\> not a quote\n\n!\\[pixel\\](https\\://evil.example/p.png) \\<img src=x\\>\n\n\\# Not a heading either\n\n'
    )
    const html = micromark(value, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true })
    expect(html).not.toMatch(/<(?:h\d|blockquote|img|em|pre)[\s>]/)
    expect(html).not.toContain('evil.example"')
    expect(html).toContain(
      '<p>Train *all* officers # not a heading</p>\n<p>&gt; not a quote</p>\n<p>![pixel](https://evil.example/p.png) &lt;img src=x&gt;</p>\n<p># Not a heading either</p>'
    )
  })

  it('honours cancellation', async () => {
    const { service } = await serviceOver(files)
    const document = documentOf(april, fileText(files, april))
    expect(await service.getHover(document, positionOf(document, 'R3-R5', 1), { isCancellationRequested: true })).toBeUndefined()
  })
})
