import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Loading dictionary-en and asking it for suggestions takes a moment on a cold worker.
    testTimeout: 30_000
  }
})
