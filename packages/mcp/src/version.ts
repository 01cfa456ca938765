import { readFileSync } from 'node:fs'

/** The package's version, from its package.json, as the server tells clients. */
export const version: string = (() => {
  try {
    const url = new URL('../package.json', import.meta.url)
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
})()
