import { createHash } from 'node:crypto'
import { relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Finding } from '@followthrough/engine'
import { stringifyJson } from './text.js'

/** A rule as `--format sarif` describes it in `tool.driver.rules`. */
export interface SarifRule {
  id: string
  /** One sentence saying what the rule checks. */
  description: string
  /** Where the rule is documented. */
  url?: string
  /** The rule's severity when the config does not change it; by default that of its first finding, else `warning`. */
  severity?: Finding['severity']
}

/** What {@link formatSarif} needs besides the findings. */
export interface SarifOptions {
  /** The working folder: artifact URIs are relative to it (`%SRCROOT%`). */
  cwd: string
  /** The rules to describe; rules of findings not listed are added with their id as description. */
  rules: readonly SarifRule[]
  /** The CLI's version. */
  version: string
}

/** Where Followthrough is documented, for `tool.driver.informationUri`. */
export const informationUri = 'https://github.com/followthrough/followthrough'

/** The key of Followthrough's fingerprint in `partialFingerprints` (bump the version if the recipe changes). */
export const fingerprintKey = 'followthrough/v1'

type SarifLevel = 'error' | 'warning' | 'note'

const levels: Readonly<Record<Finding['severity'], SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' }

/** A path relative to `cwd`, with `/` separators, as a URI reference (each segment percent-encoded). */
export function relativeUri(cwd: string, file: string): string {
  return relative(cwd, file)
    .split(sep)
    .map((segment) => encodeURIComponent(segment))
    .join('/')
}

/**
 * Findings as a SARIF 2.1.0 log (one run of the `followthrough` driver), for
 * GitHub code scanning and other SARIF viewers.
 *
 * - `rules` lists the rules given (in that order), then any rule a finding
 *   uses that was not given; each result points at its rule by `ruleId` and
 *   `ruleIndex`.
 * - Levels: error → `error`, warning → `warning`, info → `note`.
 * - Locations are relative to `cwd` under `uriBaseId` `%SRCROOT%` (declared in
 *   `originalUriBaseIds`), with 1-based lines and columns counted in UTF-16
 *   code units (`columnKind`), ends exclusive, as the engine reports them.
 * - `partialFingerprints["followthrough/v1"]` hashes the rule, the relative
 *   file, the message and the finding's index among identical ones in that
 *   file, not its line, so a result keeps its identity when lines are added
 *   above it.
 */
export function formatSarif(findings: readonly Finding[], options: SarifOptions): string {
  const rules: SarifRule[] = [...options.rules]
  const index = new Map<string, number>()
  rules.forEach((rule, position) => {
    if (!index.has(rule.id)) index.set(rule.id, position)
  })
  for (const finding of findings) {
    if (index.has(finding.ruleId)) continue
    index.set(finding.ruleId, rules.length)
    rules.push({ id: finding.ruleId, description: finding.ruleId, ...(finding.url !== undefined ? { url: finding.url } : {}) })
  }
  const firstSeverity = new Map<string, Finding['severity']>()
  for (const finding of findings) if (!firstSeverity.has(finding.ruleId)) firstSeverity.set(finding.ruleId, finding.severity)

  const occurrences = new Map<string, number>()
  const results = findings.map((finding) => {
    const uri = relativeUri(options.cwd, finding.file)
    const identity = JSON.stringify([finding.ruleId, uri, finding.message])
    const occurrence = occurrences.get(identity) ?? 0
    occurrences.set(identity, occurrence + 1)
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([finding.ruleId, uri, finding.message, occurrence]))
      .digest('hex')
    return {
      ruleId: finding.ruleId,
      ruleIndex: index.get(finding.ruleId) ?? 0,
      level: levels[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            region: {
              startLine: finding.line,
              startColumn: finding.column,
              endLine: finding.endLine,
              endColumn: finding.endColumn
            }
          }
        }
      ],
      partialFingerprints: { [fingerprintKey]: fingerprint }
    }
  })

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'followthrough',
            informationUri,
            version: options.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              ...(rule.url !== undefined ? { helpUri: rule.url } : {}),
              defaultConfiguration: { level: levels[rule.severity ?? firstSeverity.get(rule.id) ?? 'warning'] }
            }))
          }
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
  return stringifyJson(log, 2) + '\n'
}

/** `file:` URI of a folder, ending in `/` as SARIF requires of a base URI. */
function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href
  return href.endsWith('/') ? href : `${href}/`
}
