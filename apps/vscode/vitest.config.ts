import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Unit tests of the pure helpers and the .vsix check; the suite under
    // test/suite runs inside VS Code (test/harness/run.mjs), not here.
    include: ['src/**/*.test.ts', 'test/*.test.ts']
  }
})
