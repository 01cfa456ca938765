// Profiling aid (not part of `npm run bench`): the in-process service's index and edit paths.
//   node --cpu-prof bench/profile-edit.mjs <corpus folder> [index|edit]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
const [folder, phase = 'edit', doc = '1m.md', count = '40'] = process.argv.slice(2)
const { createLanguageService } = await import('@followthrough/language-service')
const { nodeFileSystem } = await import('@followthrough/engine/node')
const { workerAnalyzer } = await import('../dist/index.js')
const { TextDocument } = await import('vscode-languageserver-textdocument')
const analyze = workerAnalyzer()
let t = performance.now()
const service = createLanguageService({ workspace: { folders: [folder], ...nodeFileSystem }, ...(analyze && phase !== 'index-single' ? { analyze } : {}) })
await service.ready()
console.log('ready', (performance.now() - t).toFixed(0), 'ms', 'rss', (process.memoryUsage().rss / 2 ** 20).toFixed(0))
if (phase.startsWith('index')) process.exit(0)
const uri = pathToFileURL(join(folder, 'large', doc)).href
let text = readFileSync(join(folder, 'large', doc), 'utf8')
let document = TextDocument.create(uri, 'markdown', 1, text)
await service.didOpen(document)
await service.getDiagnostics(document)
/** Offsets of " the " in prose paragraphs, as the benchmark edits. */
function proseSpots(text) {
  const spots = []
  let inCode = false
  let offset = 0
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode
    if (!inCode && /^[A-Za-z]/.test(line)) for (let at = line.indexOf(' the '); at >= 0; at = line.indexOf(' the ', at + 1)) spots.push(offset + at + 4)
    offset += line.length + 1
  }
  return spots
}
const spots = proseSpots(text)
const times = []
for (let run = 0; run < Number(count); run++) {
  const at = spots[(Math.floor(run / 2) * 7919) % spots.length]
  text = run % 2 === 0 ? `${text.slice(0, at)}x${text.slice(at)}` : `${text.slice(0, at)}${text.slice(at + 1)}`
  document = TextDocument.create(uri, 'markdown', document.version + 1, text)
  const sent = performance.now()
  await service.didChange(document)
  await service.getDiagnostics(document)
  times.push(performance.now() - sent)
}
times.sort((a, b) => a - b)
console.log('edit p50', times[Math.floor(times.length / 2)].toFixed(2), 'p90', times[Math.ceil(times.length * 0.9) - 1].toFixed(2))
service.dispose()
process.exit(0)
