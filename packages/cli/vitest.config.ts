import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The CLI tests run the real bin, several times per test; in CI they share
    // two cores with the real-VS-Code suite, so a run can take seconds.
    testTimeout: 60_000
  }
})
