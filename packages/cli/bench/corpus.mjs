// Generates a realistic corpus of minutes for the benchmark: 2,000 files of
// about 5 KB, one of about 100 KB and one of about 1 MB, with a register of 47
// recommendations. Deterministic (seeded), so runs compare like with like.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const statuses = ['Not started', 'In progress', 'Ready for assessment', 'Implemented']
const owners = ['Telford & Wrekin Council', 'West Mercia Police', "the PCC's office", 'the health board']
const words =
  'the partnership board reviewed progress on training victims licensing investigation quality safeguarding schools data sharing referrals assurance commissioner chief constable agreed noted that further work is needed before the next meeting and officers will report back with evidence of embedding across the workforce'.split(
    ' '
  )

export function register() {
  const lines = [
    'inquiry:',
    '  id: iitcse',
    '  title: Independent Inquiry into Telford Child Sexual Exploitation',
    '  published: 2022-07-12',
    'owners:',
    '  - id: council',
    '    name: Telford & Wrekin Council',
    '  - id: police',
    '    name: West Mercia Police',
    'recommendations:'
  ]
  for (let n = 1; n <= 47; n++)
    lines.push(`  - id: R${n}`, `    title: Recommendation number ${n} of the inquiry`, `    owners: [${n <= 13 ? 'police' : 'council'}]`, `    due: 2024-0${1 + (n % 9)}-28`)
  return lines.join('\n') + '\n'
}

function sentence(next) {
  const count = 8 + Math.floor(next() * 14)
  const parts = []
  for (let index = 0; index < count; index++) parts.push(words[Math.floor(next() * words.length)])
  const n = () => 1 + Math.floor(next() * 47)
  const forms = [
    () => `Recommendation ${n()}`,
    () => `R${n()}`,
    () => `recommendations ${n()}, ${n()} and ${n()}`,
    () => `Recs ${n()} & ${n()}`,
    () => {
      const first = n()
      return `R${first}–R${Math.min(47, first + 2)}`
    },
    () => `*Recommendation* ${n()}`,
    () => 'the 47 recommendations',
    () => `\`R${n()}\``,
    () => `[the report](https://example.org/reports/R${n()})`
  ]
  parts.splice(Math.floor(next() * parts.length), 0, forms[Math.floor(next() * forms.length)]())
  const text = parts.join(' ')
  return text[0].toUpperCase() + text.slice(1) + '.'
}

/** One minutes file of roughly `size` bytes. */
export function minutes(index, size, next) {
  const month = 1 + (index % 12)
  const date = `${2022 + (index % 3)}-${String(month).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`
  const out = [
    '---',
    'meeting: accountability',
    `date: ${date}`,
    `title: Accountability meeting ${index}`,
    'chair: John Campion',
    'attendees: [Pippa Mills, Julie Cooper]',
    '---',
    '',
    `# Accountability meeting ${index}`,
    ''
  ]
  let section = 0
  while (out.join('\n').length < size) {
    out.push(`## Item ${++section}`, '')
    for (let p = 0; p < 3; p++) {
      const paragraph = []
      for (let s = 0; s < 3; s++) paragraph.push(sentence(next))
      out.push(paragraph.join(' ').replace(/(.{70,80}) /g, '$1\n'), '')
    }
    if (section % 2 === 0) {
      // Statuses move forward over the years, as in real minutes, so the
      // corpus has the findings real minutes have, not one on every row.
      out.push('| Recommendation | Status | Note |', '| --- | --- | --- |')
      for (let r = 0; r < 4; r++) {
        const id = 1 + Math.floor(next() * 47)
        const month = (index % 3) * 12 + (index % 12)
        const stage = Math.min(statuses.length - 1, Math.floor((month / 36) * statuses.length))
        out.push(`| R${id} | ${statuses[stage]} | ${sentence(next)} |`)
      }
      out.push('')
    } else {
      out.push(`- [ ] ${owners[Math.floor(next() * owners.length)]} to report on Recommendation ${1 + Math.floor(next() * 47)} by 2024-06-30`)
      out.push(`- [x] ${owners[Math.floor(next() * owners.length)]} to circulate the plan in June`)
      out.push(`- ACTION: ${owners[Math.floor(next() * owners.length)]} to review R${1 + Math.floor(next() * 47)} by the end of September`, '')
    }
    if (section % 5 === 0) out.push('```text', `R${section} inside code is not a reference`, '```', '')
  }
  return out.join('\n') + '\n'
}

/** Write the corpus into `folder` (emptied first); returns its layout. */
export function writeCorpus(folder, { files = 2000, size = 5000 } = {}) {
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(join(folder, 'minutes'), { recursive: true })
  mkdirSync(join(folder, 'large'), { recursive: true })
  const next = random(42)
  writeFileSync(join(folder, 'recommendations.yaml'), register())
  writeFileSync(join(folder, 'followthrough.config.json'), JSON.stringify({ minutes: ['minutes/**/*.md'] }))
  let bytes = 0
  for (let index = 0; index < files; index++) {
    const text = minutes(index, size, next)
    bytes += Buffer.byteLength(text)
    writeFileSync(join(folder, 'minutes', `${String(index).padStart(4, '0')}.md`), text)
  }
  writeFileSync(join(folder, 'large', '100k.md'), minutes(100001, 100_000, next))
  writeFileSync(join(folder, 'large', '1m.md'), minutes(1000001, 1_000_000, next))
  return { folder, files, bytes }
}
