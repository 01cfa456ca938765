// `npm run demo`: the CLI on the bundled example, as a user would run it.
// The example keeps deliberate mistakes, so `lint` exits 1 here by design.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const example = join(root, 'examples', 'telford')
const bin = join(root, 'packages', 'cli', 'bin', 'followthrough.js')

function step(title, args, expected) {
  console.log(`\n$ followthrough ${args.join(' ')}   # ${title}\n`)
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: example, stdio: 'inherit' })
  if (!expected.includes(result.status)) {
    console.error(`\nfollowthrough ${args[0]} exited ${result.status}, expected ${expected.join(' or ')}`)
    process.exit(1)
  }
}

step('check the minutes against the register (two deliberate mistakes and a due date moved without a reason: exit 1)', ['lint'], [1])
step('where the recommendations stand', ['progress', '--as-of', '2024-10-31'], [0])
step('what was agreed and is still open, by owner ("for the next meeting" resolved)', ['actions', '--open', '--as-of', '2024-10-31'], [0])
step('the HTML report, with charts', ['report', '--as-of', '2024-10-31', '--out', 'report.html'], [0])
console.log(`\nOpen ${join(example, 'report.html')} in a browser.`)
