#!/usr/bin/env node
import { main, processOutputs } from '../dist/cli.js'

// A closed pipe or a full disk ends the run quietly (see processOutputs), not with a stack trace.
const { stdout, stderr, exit } = processOutputs(process)
exit(await main(process.argv.slice(2), { cwd: process.cwd(), stdout, stderr, stdin: process.stdin, env: process.env }))
