import type { Options } from 'tsup'

/**
 * How a package builds its library: ES modules with declarations and source
 * maps, dependencies left external for those who import it. `neutral` for code
 * that runs anywhere (a browser, an editor's web worker), `node` where Node's
 * modules are used.
 */
export function library(entry: NonNullable<Options['entry']>, platform: 'neutral' | 'node' = 'neutral'): Options {
  return { entry, format: ['esm'], dts: true, sourcemap: true, clean: true, target: 'es2022', platform }
}
