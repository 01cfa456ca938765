import type { TableCell } from 'mdast'
import { describe, expect, it } from 'vitest'
import { processor } from '../test/pipeline.js'
import { readEvidence } from './evidence.js'

/** The cell of a one-row table written as Markdown, parsed as users' minutes are. */
function cell(markdown: string): TableCell['children'] {
  const tree = processor().parse(`| ID | Evidence |\n| --- | --- |\n| R1 | ${markdown} |\n`)
  const table = tree.children[0]
  if (table?.type !== 'table') throw new Error('expected a table')
  const found = table.children[1]?.children[1]
  if (found === undefined) throw new Error('expected a cell')
  return found.children
}

describe('readEvidence', () => {
  it('splits on semicolons and turns links into hrefs', () => {
    expect(readEvidence(cell('[Audit report](https://example.org/a.pdf); Training log ;  ; *Letter* of 3 May'))).toEqual([
      { title: 'Audit report', href: 'https://example.org/a.pdf' },
      { title: 'Training log' },
      { title: 'Letter of 3 May' }
    ])
  })

  it('titles one link by its item, several links by their own text', () => {
    expect(readEvidence(cell('[Policy](p.md) (v2)'))).toEqual([{ title: 'Policy (v2)', href: 'p.md' }])
    expect(readEvidence(cell('[Policy](p.md) and [Guide](g.md)'))).toEqual([
      { title: 'Policy', href: 'p.md' },
      { title: 'Guide', href: 'g.md' }
    ])
    expect(readEvidence(cell('https://example.org/report'))).toEqual([{ title: 'https://example.org/report', href: 'https://example.org/report' }])
  })

  it('keeps the words of a script link but never its href', () => {
    expect(readEvidence(cell('[Click](javascript:alert(1))'))).toEqual([{ title: 'Click' }])
  })

  it('gives nothing for an empty cell', () => {
    expect(readEvidence(cell(' '))).toEqual([])
  })
})
