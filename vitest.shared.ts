/**
 * The time limits of every package's vitest run (each package's
 * vitest.config.ts spreads these in). They are hang guards, never performance
 * bounds: `npm test` runs every package's tests at once on a 2-core machine,
 * beside the real-VS-Code suite and the browser tests, where a test can take
 * ten times as long as it does alone. Speed is what the benchmarks measure
 * (`npm run bench`), not the tests. A test that needs longer (a property test
 * with many runs) sizes its own limit by its work, never less than these.
 */
export const hangGuards = {
  /** Per test: five minutes. */
  testTimeout: 300_000,
  /** Per hook: ten minutes (a `beforeAll` may install Chromium with apt-get). */
  hookTimeout: 600_000,
  /** `expect.poll` waits for a page or a process to reach a state: a minute, not one second. */
  expect: { poll: { timeout: 60_000 } }
}
