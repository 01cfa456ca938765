import { readFileSync } from 'node:fs'

/** The CLI's version, from its package.json. */
export const version: string = (() => {
  try {
    const url = new URL('../package.json', import.meta.url)
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
})()
