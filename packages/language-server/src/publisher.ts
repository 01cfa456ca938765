/**
 * Push diagnostics a short while after the last reason to, per document: a
 * burst of keystrokes publishes once, and a register change that touches every
 * open document publishes each once.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, { cancel: () => void }>()

  constructor(
    /** Milliseconds to wait after the last request for a document. */
    private readonly delay: number,
    /** Compute and send a document's diagnostics. */
    private readonly publish: (uri: string) => Promise<void>
  ) {}

  /** Publish these documents' diagnostics after the delay (restarted by each call). */
  schedule(uris: Iterable<string>): void {
    for (const uri of uris) {
      this.timers.get(uri)?.cancel()
      const run = () => {
        this.timers.delete(uri)
        void this.publish(uri)
      }
      // No delay asked for: publish as soon as the edits already read are handled,
      // without the millisecond or more a zero-length timer waits.
      if (this.delay <= 0) {
        const immediate = setImmediate(run)
        this.timers.set(uri, { cancel: () => clearImmediate(immediate) })
      } else {
        const timer = setTimeout(run, this.delay)
        this.timers.set(uri, { cancel: () => clearTimeout(timer) })
      }
    }
  }

  /** Forget a pending publication (the document was closed). */
  cancel(uri: string): void {
    this.timers.get(uri)?.cancel()
    this.timers.delete(uri)
  }

  /** Stop every pending publication. */
  dispose(): void {
    for (const timer of this.timers.values()) timer.cancel()
    this.timers.clear()
  }
}
