/**
 * A worker thread that analyses a share of the minutes for the first index:
 * it reads the files from disk itself (no text crosses threads) and sends back
 * the engine's plain results in small batches, so neither thread holds a
 * whole share's results twice.
 */
import { serveAnalysisJob } from '@followthrough/engine/node'

await serveAnalysisJob()
