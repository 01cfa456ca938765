/**
 * The Followthrough HTML report: one self-contained file per run, with the
 * headline figures, charts drawn by Observable Plot as inline SVG, the
 * coverage matrix and a sortable, filterable table of every recommendation.
 */
export { contentSecurityPolicy, renderReport, type ReportInput, type ReportOptions } from './render.js'
export { escapeHtml, relativeHref, safeHref } from './escape.js'
export { statusColors, statusLabels } from './status-style.js'
