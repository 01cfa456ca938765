import { defineConfig } from 'vitest/config'
import { hangGuards } from '../../vitest.shared.js'

export default defineConfig({
  test: {
    ...hangGuards
  }
})
