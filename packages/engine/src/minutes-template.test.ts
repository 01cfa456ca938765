import { describe, expect, it } from 'vitest'
import { minutesFileName, minutesFolder, minutesTemplate, minutesTitle, yamlScalar } from './minutes-template.js'
import { parseMinutes } from './parse-minutes.js'

describe('minutesTemplate', () => {
  it('fills the front matter and quotes what YAML would misread', () => {
    const text = minutesTemplate({
      meeting: 'accountability',
      date: '2025-01-15',
      title: 'Accountability meeting, 15 January 2025',
      chair: 'John Campion, Police and Crime Commissioner',
      attendees: ['Chief Constable', 'Head of Assurance: PCC'],
      register: 'iitcse'
    })
    expect(text.startsWith('---\nmeeting: accountability\ndate: 2025-01-15\ntitle: Accountability meeting, 15 January 2025\n')).toBe(true)
    expect(text).toContain('chair: John Campion, Police and Crime Commissioner\n')
    expect(text).toContain('attendees:\n  - Chief Constable\n  - "Head of Assurance: PCC"\n')
    expect(text).toContain('register: iitcse\n---\n')
    expect(text).toContain('| Recommendation | Status | Note |')
  })

  it('is Markdown the engine parses, with its title as the first heading', () => {
    const tree = parseMinutes(minutesTemplate({ meeting: 'accountability', date: '2025-01-15', title: 'First meeting', chair: 'Chair', attendees: [] }))
    expect(tree.children.map((node) => node.type)).toEqual(expect.arrayContaining(['yaml', 'heading', 'table', 'list']))
  })

  it('names the file by date and kind, in the minutes folder of the config', () => {
    expect(minutesFileName('2025-01-15', 'Joint Partnership')).toBe('2025-01-15-joint-partnership.md')
    expect(minutesFileName('2025-01-15', '***')).toBe('2025-01-15-meeting.md')
    expect(minutesFolder(['minutes/**/*.md'])).toBe('minutes')
    expect(minutesFolder(['docs/minutes/*.md'])).toBe('docs/minutes')
    expect(minutesFolder(['**/*.md'])).toBe('')
    expect(minutesFolder(['notes/2024.md'])).toBe('notes')
  })

  it('titles minutes by kind and day', () => {
    expect(minutesTitle('accountability', '2024-10-16')).toBe('Accountability meeting, 16 October 2024')
  })
})

describe('yamlScalar', () => {
  it('quotes what YAML would read as something else', () => {
    expect(yamlScalar('West Mercia Police')).toBe('West Mercia Police')
    expect(yamlScalar('Telford & Wrekin Council')).toBe('Telford & Wrekin Council')
    expect(['yes', 'No', 'null', '~', '2023', '2023-01-01', '1e5', '-1', ' lead', 'a: b', 'a #b', '', '*ref', 'ends ']).toEqual(
      ['yes', 'No', 'null', '~', '2023', '2023-01-01', '1e5', '-1', ' lead', 'a: b', 'a #b', '', '*ref', 'ends ']
        .map((text) => yamlScalar(text))
        .map((quoted) => JSON.parse(quoted) as string)
    )
  })
})
