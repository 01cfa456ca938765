import { describe, expect, it } from 'vitest'
import * as api from './index.js'

describe('the public API', () => {
  it('exports exactly what the README documents', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'compileGrammar',
        'default',
        'defaultSeverities',
        'escapeRegExp',
        'findDueDate',
        'findMeetingDate',
        'nextMeetingHeading',
        'readAssurance',
        'readDueCell',
        'readEvidence',
        'readResponse',
        'keywordPattern',
        'lineIndex',
        'maxRangeSize',
        'mergeSchemes',
        'plainText',
        'readAction',
        'readStatus',
        'remarkRecommendations',
        'resolveSeverities',
        'ruleUrl',
        'rules',
        'scanReferences',
        'statusColumns',
        'toMinutesRecord',
        'tooComplexField'
      ].sort()
    )
    expect(api.default).toBe(api.remarkRecommendations)
  })
})
