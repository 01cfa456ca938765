import { responseDecisionLabels, responseDecisions, type Progress } from '@followthrough/core'
import type { Element } from 'hast'
import { h } from 'hastscript'
import { block, idList, reportSection, type Context } from './context.js'

/** Whether the register records responses at all: a decision on some recommendation, or responses overdue. */
export function recordsResponses(progress: Progress): boolean {
  const { responses } = progress
  return responseDecisions.some((decision) => responses[decision] > 0) || responses.overdue.length > 0
}

/**
 * Owners' responses: a count per decision and of those awaiting one, with the
 * recommendations whose response is overdue named and linked. Left out when
 * the register records no response (see {@link recordsResponses}).
 */
export function responsesSection(context: Context): Element | undefined {
  const { progress } = context
  if (!recordsResponses(progress)) return undefined
  const { responses } = progress
  const card = (term: string, value: number, note: string) => h('div.card', h('dt', term), h('dd', String(value), h('small', note)))
  const overdue =
    responses.overdue.length === 0 ? h('p', 'No response is overdue.') : h('p', h('strong', `Response overdue for ${responses.overdue.length}`), idList(context, responses.overdue))
  return reportSection(context, 'responses', 'Responses', [
    block(
      'dl.cards',
      { 'data-responses': '' },
      ...responseDecisions.map((decision) => card(responseDecisionLabels[decision], responses[decision], decision === 'accepted' ? 'in full' : 'by the owner')),
      card('Awaiting', responses.awaiting, 'no response yet')
    ),
    overdue
  ])
}
