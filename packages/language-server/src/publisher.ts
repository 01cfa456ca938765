/**
 * Push diagnostics a short while after the last reason to, per document: a
 * burst of keystrokes publishes once, and a register change that touches every
 * open document publishes each once.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(
    /** Milliseconds to wait after the last request for a document. */
    private readonly delay: number,
    /** Compute and send a document's diagnostics. */
    private readonly publish: (uri: string) => Promise<void>
  ) {}

  /** Publish these documents' diagnostics after the delay (restarted by each call). */
  schedule(uris: Iterable<string>): void {
    for (const uri of uris) {
      const pending = this.timers.get(uri)
      if (pending !== undefined) clearTimeout(pending)
      this.timers.set(
        uri,
        setTimeout(() => {
          this.timers.delete(uri)
          void this.publish(uri)
        }, this.delay)
      )
    }
  }

  /** Forget a pending publication (the document was closed). */
  cancel(uri: string): void {
    const pending = this.timers.get(uri)
    if (pending !== undefined) clearTimeout(pending)
    this.timers.delete(uri)
  }

  /** Stop every pending publication. */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
