import { afterEach, describe, expect, it, vi } from 'vitest'
import { DiagnosticsPublisher } from './publisher.js'

describe('DiagnosticsPublisher', () => {
  afterEach(() => vi.useRealTimers())

  it('publishes each document once after a burst, and not after cancel or dispose', () => {
    vi.useFakeTimers()
    const published: string[] = []
    const publisher = new DiagnosticsPublisher(50, (uri) => {
      published.push(uri)
      return Promise.resolve()
    })
    publisher.schedule(['a', 'b'])
    vi.advanceTimersByTime(30)
    publisher.schedule(['a'])
    vi.advanceTimersByTime(30)
    expect(published).toEqual(['b'])
    vi.advanceTimersByTime(30)
    expect(published).toEqual(['b', 'a'])
    publisher.schedule(['c', 'd'])
    publisher.cancel('c')
    vi.advanceTimersByTime(100)
    expect(published).toEqual(['b', 'a', 'd'])
    publisher.schedule(['e'])
    publisher.dispose()
    vi.advanceTimersByTime(100)
    expect(published).toEqual(['b', 'a', 'd'])
  })
})
