import { defineConfig } from 'vitest/config'
import { hangGuards } from '../../vitest.shared.js'

export default defineConfig({
  test: {
    // The CLI tests run the real bin, several times per test, beside every
    // other suite: the limits are hang guards shared by every package.
    ...hangGuards
  }
})
