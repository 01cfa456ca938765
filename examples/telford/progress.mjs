// The core library's usage example: load the register, compute progress as of
// today from its dated history, print a summary. Run: node examples/telford/progress.mjs
// (after `npm run build`). The CLI (`followthrough progress`) adds the minutes.
import { readFileSync } from 'node:fs'
import { computeProgress, formatProblem, parseRegister, today } from '@followthrough/core'

const path = new URL('./recommendations.yaml', import.meta.url)
const result = parseRegister(readFileSync(path, 'utf8'), { path: 'examples/telford/recommendations.yaml' })
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem))
  process.exit(2)
}

const asOf = process.argv[2] ?? today()
const progress = computeProgress({ register: result.value, asOf })
const percent = (ratio) => `${Math.round(ratio * 100)}%`

console.log(`${progress.register.title}, as of ${asOf}`)
console.log(`${progress.implemented} of ${progress.total} implemented (${percent(progress.implementedRatio)})`)
for (const [status, count] of Object.entries(progress.byStatus)) if (count > 0) console.log(`  ${status.padEnd(22)}${count}`)
console.log('By owner:')
for (const owner of Object.values(progress.byOwner)) {
  console.log(`  ${owner.name.padEnd(70)}${owner.implemented}/${owner.total} (${percent(owner.implementedRatio)})`)
}
console.log(`Overdue: ${progress.overdue.map((item) => `${item.id} (due ${item.due})`).join(', ') || 'none'}`)
console.log(`Forecast: ${progress.forecast.date ?? 'none at the current pace'}`)
