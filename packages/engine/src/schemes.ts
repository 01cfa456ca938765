import type { Config, Register } from '@followthrough/core'
import { mergeSchemes, type GrammarOptions, type ReferenceScheme } from '@followthrough/remark-recommendations'

/**
 * The kinds of item minutes may name, from the loaded registers (MISSION.md,
 * "Several kinds of item in one register"): one definition for every door
 * (the checks, `reference-style`, completion).
 */

/** The config's single scheme: its `prefix` and `keywords`. */
export function configScheme(config: Pick<Config, 'prefix' | 'keywords'>): ReferenceScheme {
  return { prefix: config.prefix, keywords: config.keywords }
}

/**
 * Every loaded register's schemes, in register order, the first winning per
 * prefix and per keyword; a register without `schemes` contributes the
 * config's prefix and keywords. Never empty.
 */
export function referenceSchemes(registers: readonly Register[], config: Pick<Config, 'prefix' | 'keywords'>): ReferenceScheme[] {
  const schemes = mergeSchemes(registers.length > 0 ? registers.flatMap((register) => register.schemes ?? [configScheme(config)]) : [configScheme(config)])
  return schemes.length > 0 ? schemes : [configScheme(config)]
}

/**
 * The grammar options of the remark plugin for these registers: the config's
 * prefix and keywords as always, and the registers' schemes (with dotted
 * numbers) when a register declares schemes or has a dotted id.
 */
export function referenceGrammar(registers: readonly Register[], config: Pick<Config, 'prefix' | 'keywords'>): GrammarOptions {
  const grammar: GrammarOptions = { prefix: config.prefix, keywords: config.keywords }
  const needed = registers.some((register) => register.schemes !== undefined || register.recommendations.some((recommendation) => recommendation.id.includes('.')))
  if (needed) grammar.schemes = referenceSchemes(registers, config)
  return grammar
}
