import type { Element } from 'hast'
import { h, type Child } from 'hastscript'
import { safeHref } from '../escape.js'
import { block, time, type Context } from './context.js'

/** A register's facts: its id, when the inquiry's report was published (linked when it has a safe URL), the report date. */
export function registerMeta(context: Context, ...after: Child[]): Element {
  const { register, progress } = context
  const url = register.inquiry.url !== undefined ? safeHref(register.inquiry.url) : undefined
  return h(
    'p.meta',
    'Register ',
    h('code', progress.register.id),
    '; report published ',
    time(register.inquiry.published),
    url !== undefined ? [' (', h('a', { href: url }, 'the report'), ')'] : [],
    '; progress as of ',
    time(progress.asOf),
    '.',
    progress.beforePublication ? [' ', h('strong', 'This date is before the report was published: figures are mostly baselines.')] : [],
    ...after
  )
}

/**
 * The page's header: its title, the facts (one register's, or the report date
 * of several) and, for several registers, a list of links to each.
 */
export function pageHeader(title: string, contexts: readonly Context[], generatedAt: string | undefined): Element {
  const generated = generatedAt !== undefined ? ` Generated ${generatedAt}.` : ''
  const asOfDates = [...new Set(contexts.map((context) => context.progress.asOf))]
  const first = contexts[0]
  // One register: its facts go under the page's h1. Several: each section has its own.
  const meta =
    contexts.length === 1 && first !== undefined
      ? registerMeta(first, generated)
      : h('p.meta', asOfDates.length === 1 ? ['Progress as of ', time(asOfDates[0] ?? ''), '.'] : [], generated)
  const nav =
    contexts.length > 1
      ? h(
          'nav.registers',
          { ariaLabel: 'Registers' },
          h(
            'ul',
            contexts.map((context) => h('li', h('a', { href: `#${context.prefix}` }, context.progress.register.title)))
          )
        )
      : ''
  return block('header.page', {}, h('h1', { id: 'page-title' }, title), meta, nav)
}
