// Loaded with `node --import` by the benchmark: reports the process's peak
// memory (worker threads included) on stderr as it exits.
import { writeSync } from 'node:fs'

process.on('exit', () => {
  writeSync(2, `\nfollowthrough-bench-maxrss ${process.resourceUsage().maxRSS}\n`)
})
