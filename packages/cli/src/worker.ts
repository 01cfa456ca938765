/**
 * A worker thread that checks a share of the minutes: it reads them from disk
 * itself (no text crosses threads) and sends back plain results, one message
 * per file, so the main thread never holds a second copy of the whole share.
 */
import { serveAnalysisJob } from '@followthrough/engine/node'

await serveAnalysisJob()
