/**
 * Counts the extension host's synchronous time in the extension's own
 * handlers (per keystroke: the text change listener and the language client's
 * `didChange`), for the benchmark and the output channel.
 */
export class Perf {
  private readonly totals = new Map<string, { count: number; ms: number; max: number }>()

  time<T>(name: string, work: () => T): T {
    const started = performance.now()
    try {
      return work()
    } finally {
      this.add(name, performance.now() - started)
    }
  }

  add(name: string, ms: number): void {
    const entry = this.totals.get(name) ?? { count: 0, ms: 0, max: 0 }
    entry.count += 1
    entry.ms += ms
    entry.max = Math.max(entry.max, ms)
    this.totals.set(name, entry)
  }

  snapshot(): Record<string, { count: number; ms: number; max: number }> {
    return Object.fromEntries([...this.totals].map(([name, entry]) => [name, { ...entry }]))
  }

  reset(): void {
    this.totals.clear()
  }
}
