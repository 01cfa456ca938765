/**
 * The report's style sheet: readable on a phone (one column, tables that turn
 * into cards or scroll), usable by keyboard (visible focus), and print-ready
 * (navigation and filters hidden, every section shown, colours kept).
 */
export const styles = `
:root { color-scheme: light; --text: #1f2937; --muted: #4b5563; --line: #d1d5db; --soft: #f3f4f6; --link: #1d4ed8; --focus: #b45309; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 10; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
header.page, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header.page { padding-top: 1.5rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .25rem; }
h2, h3, h4 { line-height: 1.25; }
h2.register-title { font-size: 1.5rem; margin: 2.5rem 0 .25rem; padding-top: 1rem; border-top: 4px solid var(--text); }
.section { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3:not(.section), h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
.meta, .note, figcaption p { color: var(--muted); }
nav.registers ul { padding-left: 1.25rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 0; }
.card { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; background: #fff; }
.card dt { font-size: .875rem; color: var(--muted); }
.card dd { margin: 0; font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.card dd small { display: block; font-size: .875rem; font-weight: 400; color: var(--muted); }
.bar { height: .5rem; background: var(--soft); border-radius: .25rem; margin-top: .4rem; overflow: hidden; }
.bar span { display: block; height: 100%; background: #15803d; }
time { white-space: nowrap; }
.status { display: inline-flex; align-items: center; gap: .35em; white-space: nowrap; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: .15em; flex: none; border: 1px solid rgba(0,0,0,.25); }
ul.by-status { list-style: none; padding: 0; margin: .75rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 0 1.5rem; }
figure { margin: 1.5rem 0; padding: 1rem; border: 1px solid var(--line); border-radius: .5rem; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: .5rem; }
figcaption p { font-weight: 400; margin: .25rem 0 0; font-size: .9rem; }
figure svg { display: block; max-width: 100%; height: auto; }
.legend { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
details.data { margin-top: .75rem; }
summary { cursor: pointer; }
.scroll { overflow-x: auto; max-width: 100%; position: relative; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--text); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.coverage th, table.coverage td { text-align: center; border: 1px solid var(--line); min-width: 2.5rem; }
table.coverage th[scope=row] { text-align: left; white-space: nowrap; }
table.coverage thead th { white-space: normal; font-weight: 600; font-size: .8rem; }
.heat-1 { background: #dbeafe; }
.heat-2 { background: #93c5fd; }
.heat-3 { background: #1d4ed8; color: #fff; }
.heat-4 { background: #1e3a8a; color: #fff; }
.heat-legend { display: flex; flex-wrap: wrap; gap: .25rem .75rem; list-style: none; padding: 0; font-size: .85rem; }
.heat-legend span { display: inline-block; min-width: 2rem; text-align: center; border: 1px solid var(--line); margin-right: .3rem; }
.filters { display: none; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: end; margin: .5rem 0; }
.js .filters { display: flex; }
.filters label { display: flex; flex-direction: column; font-size: .875rem; color: var(--muted); }
select { font: inherit; padding: .3rem .4rem; min-height: 2.5rem; border: 1px solid var(--muted); border-radius: .3rem; background: #fff; color: var(--text); }
.count { font-size: .9rem; color: var(--muted); margin: .25rem 0; }
table.recs { width: 100%; }
table.recs td[data-label=Title] { min-width: 12rem; }
table.recs th button { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: .25rem 0; cursor: pointer; display: inline-flex; gap: .3rem; align-items: center; min-height: 2rem; }
table.recs th button::after { content: "⇅"; color: var(--muted); font-weight: 400; }
table.recs th[aria-sort=ascending] button::after { content: "▲"; color: var(--text); }
table.recs th[aria-sort=descending] button::after { content: "▼"; color: var(--text); }
.flag { display: inline-block; font-size: .75rem; font-weight: 700; padding: 0 .35rem; border-radius: .25rem; margin-left: .25rem; border: 1px solid currentColor; }
.flag.overdue { color: #b91c1c; }
.flag.soon { color: #8a5a00; }
.never { color: #b91c1c; font-style: italic; }
details.rec { border: 1px solid var(--line); border-radius: .5rem; margin: .5rem 0; padding: .25rem .75rem; }
details.rec > summary { padding: .4rem 0; font-weight: 600; }
details.rec > summary .status { font-weight: 400; margin-left: .5rem; }
details.rec dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
details.rec dt { color: var(--muted); }
details.rec dd { margin: 0; }
table.assurance th[scope=row] { white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
ul.moves { margin: 0; padding-left: 1rem; }
ul.gap, ul.actions { padding-left: 1.25rem; }
ul.actions li { margin: .35rem 0; }
ul.actions .meta { font-size: .875rem; }
blockquote { margin: .5rem 0; padding-left: .75rem; border-left: 3px solid var(--line); }
footer { margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: .875rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.4rem; }
  figure { padding: .5rem; }
  table.recs thead tr { display: flex; flex-wrap: wrap; gap: 0 1rem; }
  table.recs thead th { border: 0; padding: 0; }
  table.recs, table.recs tbody, table.recs tr, table.recs td { display: block; width: 100%; }
  table.recs tbody tr { border: 1px solid var(--line); border-radius: .5rem; margin: .5rem 0; padding: .25rem .5rem; }
  table.recs tbody tr[hidden] { display: none; }
  table.recs td { border: 0; padding: .1rem 0; }
  table.recs td::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
  details.rec dl { grid-template-columns: 1fr; }
}
@media print {
  @page { margin: 15mm; }
  body { font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .skip, nav.registers, .filters, .count, details.data, .no-print { display: none !important; }
  header.page, main, footer { max-width: none; padding: 0; }
  h2.register-title { break-before: page; }
  section.register:first-of-type h2.register-title { break-before: auto; }
  h1, h2, h3, h4 { break-after: avoid; break-inside: avoid; }
  table.recs { font-size: 9pt; }
  figure, .card, tr, details.rec { break-inside: avoid; }
  .scroll { overflow: visible; }
  table.coverage { font-size: 7.5pt; }
  table.coverage th, table.coverage td { min-width: 0; padding: .1rem .2rem; }
  table.coverage thead .meta { display: none; }
  table.recs tbody tr[hidden] { display: table-row !important; }
  table.recs th button { padding: 0; }
  table.recs th button::after { content: none; }
  details.rec { border: 0; padding: 0; }
  details.rec::details-content { content-visibility: visible; display: block; }
  a { color: inherit; text-decoration: none; }
}
`
