import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // The tests run the built CLI in real processes; some start twenty at once.
    testTimeout: 120_000,
    // Most tests wait on the CLI in child processes: more test files than cores run at once.
    maxWorkers: 4,
    hookTimeout: 120_000,
  },
});
