import { describe, expect, it } from 'vitest'
import { recommendationDiscussions, sentenceAround } from './discussions.js'
import { analyzeMinutes } from './minutes.js'
import { defaultConfig } from './config.js'
import type { Register } from '@followthrough/core'

const register: Register = {
  inquiry: { id: 'iitcse', title: 'Telford', published: '2022-07-12' },
  owners: [{ id: 'police', name: 'West Mercia Police' }],
  recommendations: [
    { id: 'R1', title: 'Training', owners: ['police'] },
    { id: 'R2', title: 'Data', owners: ['police'] }
  ]
}

const at = (text: string, needle: string) => sentenceAround(text, text.indexOf(needle), text.indexOf(needle) + needle.length)

describe('sentenceAround', () => {
  it('gives the sentence of a paragraph that holds the reference, across wrapped lines', () => {
    const text = 'The board met. It heard that R1 was\nwell under way. Then it closed.\n\nNext.'
    expect(at(text, 'R1')).toBe('It heard that R1 was well under way.')
  })

  it('reads a table row, a heading and a list item on their own', () => {
    expect(at('| R2 | in-progress | Data shared |\n| R1 | done |', 'R2')).toBe('R2 | in-progress | Data shared')
    expect(at('intro\n## Progress on R1\nbody', 'R1')).toBe('Progress on R1')
    expect(at('- [ ] Police to report on R1 by June\n- other', 'R1')).toBe('Police to report on R1 by June')
  })

  it('cuts a run-on sentence around the reference', () => {
    const text = `${'word '.repeat(200)}R1 ${'more '.repeat(200)}`
    const sentence = at(text, 'R1')
    expect(sentence).toContain('R1')
    expect(sentence.length).toBeLessThanOrEqual(402)
    expect(sentence.startsWith('…') && sentence.endsWith('…')).toBe(true)
  })
})

describe('recommendationDiscussions', () => {
  it('lists every reference to a recommendation with file, line and sentence, by date', () => {
    const context = { registers: [register], config: defaultConfig() }
    const front = (date: string) => `---\nmeeting: board\ndate: ${date}\ntitle: Board\nchair: Chair\nattendees: [Chair]\n---\n`
    const later = `${front('2023-04-17')}\nWe discussed R1. Good.\n\nR2 and R1 again.\n`
    const earlier = `${front('2023-01-10')}\nAbout R1 today.\n`
    const undated = 'No front matter: R1.\n'
    const texts = new Map([
      ['/w/b.md', later],
      ['/w/a.md', earlier],
      ['/w/c.md', undated]
    ])
    const analyses = [...texts].map(([path, text]) => analyzeMinutes(text, path, context))
    expect(recommendationDiscussions(analyses, 'iitcse', 'R1', (path) => texts.get(path))).toStrictEqual([
      { file: '/w/a.md', date: '2023-01-10', title: 'Board', line: 9, column: 7, reference: 'R1', sentence: 'About R1 today.' },
      { file: '/w/b.md', date: '2023-04-17', title: 'Board', line: 9, column: 14, reference: 'R1', sentence: 'We discussed R1.' },
      { file: '/w/b.md', date: '2023-04-17', title: 'Board', line: 11, column: 8, reference: 'R1', sentence: 'R2 and R1 again.' }
    ])
    expect(recommendationDiscussions(analyses, 'other', 'R1', () => undefined)).toStrictEqual([])
  })
})
