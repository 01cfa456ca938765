/// <reference types="node" />
/**
 * How much the plugin adds to parsing: parses a generated corpus of minutes
 * once, then times the plugin's transform on the parsed trees, in one run.
 *
 *     npx tsx scripts/bench-extraction.ts [megabytes]
 *
 * The workspace benchmark (`npm run bench`) is the reference; this is the quick
 * check while working on the plugin.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { remarkRecommendations } from '../src/plugin.js'

const megabytes = Number(process.argv[2] ?? 2)

const paragraphs = [
  'The Chief Constable gave an update on recommendations 3, 4 and 7 together, since all three depend on the specialist team. The team is now at full establishment and the force considers the staffing element ready for the PCC to assess.',
  '**Victim language (R12).** The force has started an audit of how children are described in crime reports and intelligence logs. The PCC asked how the force would know that Recommendation 12 had been met, rather than simply reissued as guidance.',
  'The PCC took assurance from the clear ownership of each recommendation. He recorded a concern that recruitment to the specialist team could draw experienced detectives away from local investigation teams, and asked for the effect on other caseloads to be reported alongside the staffing figures.',
  'Investigation standards (R3–R5) were discussed; see https://example.org/report for the full text and `R99` in the code listing.',
  '| Recommendation | Status | Note |\n| --- | --- | --- |\n| R3 | In progress | Draft standard being tested |\n| R4 | In progress | Establishment increased |\n| R5 | Not started | Waits on the system change |',
  '- [ ] Chief Constable to bring the results of the language audit to the January meeting (R12)\n- [ ] Head of Public Protection to circulate the draft investigation standard by 2022-11-30 (R3)\n- [x] Office of the PCC to agree a reporting format with the council',
  'ACTION: Deputy Chief Constable to confirm the date of the crime recording system change (R5)'
]

function minutes(index: number): string {
  let text = `---\nmeeting: accountability\ndate: 2023-04-17\ntitle: Meeting ${index}\nchair: PCC\nattendees: [PCC, Chief Constable]\n---\n\n# Accountability meeting ${index}\n\n`
  for (let i = 0; i < 18; i++) text += `## Item ${i}\n\n${paragraphs[(index + i) % paragraphs.length]}\n\n`
  return text
}

const files: VFile[] = []
let size = 0
for (let index = 0; size < megabytes * 1_000_000; index++) {
  const value = minutes(index)
  size += value.length
  files.push(new VFile({ path: `minutes-${index}.md`, value }))
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
const plugin = unified().use(remarkRecommendations)

function time(work: () => void): number {
  const start = performance.now()
  work()
  return performance.now() - start
}

// Warm up both paths, then measure each on the same trees, best of three rounds.
for (const file of files.slice(0, 20)) plugin.runSync(parser.parse(file), file)
let parsed = files.map((file) => ({ file, tree: parser.parse(file) }))
let parse = Infinity
let extract = Infinity
for (let round = 0; round < 3; round++) {
  parse = Math.min(
    parse,
    time(() => {
      parsed = files.map((file) => ({ file, tree: parser.parse(file) }))
    })
  )
  for (const file of files) file.messages.length = 0
  extract = Math.min(
    extract,
    time(() => {
      for (const { file, tree } of parsed) plugin.runSync(tree, file)
    })
  )
}
const references = files.reduce((sum, file) => sum + (file.data.followthrough?.references.length ?? 0), 0)
console.log(`${files.length} files, ${(size / 1e6).toFixed(2)} MB, ${references} references`)
console.log(`parse   ${parse.toFixed(0)} ms (${(size / 1e6 / (parse / 1000)).toFixed(2)} MB/s)`)
console.log(`extract ${extract.toFixed(0)} ms (${((extract / parse) * 100).toFixed(1)}% of parsing)`)
