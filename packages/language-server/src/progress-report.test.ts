import type { Progress } from '@followthrough/core'
import { describe, expect, it } from 'vitest'
import { escapeHtml } from '@followthrough/report'
import { noRegisterHtml, summaryContentSecurityPolicy, summaryHtml } from './progress-report.js'

describe("the progress report's summary", () => {
  it('forbids scripts and remote content', () => {
    expect(summaryContentSecurityPolicy).toMatch(/^default-src 'none';/)
    expect(summaryContentSecurityPolicy).not.toMatch(/script-src|https?:/)
  })

  it('escapes what it shows', () => {
    const progress = {
      register: { id: 'x', title: '<script>alert(1)</script>' },
      asOf: '2024-10-20',
      total: 2,
      implemented: 1,
      byStatus: { 'not-started': 0, 'in-progress': 1, 'ready-for-assessment': 0, implemented: 1, blocked: 0, rejected: 0, superseded: 0 },
      byOwner: { a: { name: 'A & B', total: 2, implemented: 1 } },
      overdue: [],
      neverDiscussed: ['R2']
    } as unknown as Progress
    const html = summaryHtml(progress, escapeHtml, 'Error: <b>')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('A &amp; B')
    expect(html).toContain('<td>In progress</td><td class="n">1</td>')
    expect(html).toContain('could not be shown: Error: &lt;b&gt;')
    expect(html).toContain('R2')
  })

  it('says what to do when no register is loaded', () => {
    expect(noRegisterHtml).toContain('followthrough.config.json')
    expect(noRegisterHtml).toContain(summaryContentSecurityPolicy)
  })
})
