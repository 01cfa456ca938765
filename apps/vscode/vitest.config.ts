import { defineConfig } from 'vitest/config'
import { hangGuards } from '../../vitest.shared.js'

export default defineConfig({
  test: {
    // Unit tests of the pure helpers, the .vsix check and the test
    // prerequisites' installer; the suite under test/suite runs inside VS Code
    // (test/harness/run.mjs), not here.
    include: ['src/**/*.test.ts', 'test/*.test.ts'],
    ...hangGuards
  }
})
