// Profiling aid (not part of `npm run bench`): the in-process service's index and edit paths.
//   node --cpu-prof bench/profile-edit.mjs <corpus folder> [index|edit]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { timeServiceEdits } from './edits.mjs'
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
const times = await timeServiceEdits(service, TextDocument, uri, readFileSync(join(folder, 'large', doc), 'utf8'), Number(count))
times.sort((a, b) => a - b)
console.log('edit p50', times[Math.floor(times.length / 2)].toFixed(2), 'p90', times[Math.ceil(times.length * 0.9) - 1].toFixed(2))
service.dispose()
process.exit(0)
