/**
 * What the bin imports: `main` and the process's outputs, nothing else, so
 * that `followthrough --help` loads a few kilobytes. Each command's modules
 * are loaded by `main` once the command line names it.
 */
export { processOutputs } from './io.js'
export { main } from './main.js'
