/** The report's renderer, bundled on its own (dist/report.cjs) and required when the progress view opens. */
export { renderReport } from '@followthrough/report'
