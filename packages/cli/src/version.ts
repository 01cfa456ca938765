import manifest from '../package.json' with { type: 'json' }

/** The package's version, from its package.json (inlined by the build, so nothing is read at run time). */
export const version: string = manifest.version
