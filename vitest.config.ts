import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    // Builds dist/ when it is missing or stale: tests/integration lints examples/ with the built package.
    globalSetup: ["tests/build-dist.ts"],
    // The integration tests lint examples/ with the built package; give them room on a cold machine.
    testTimeout: 60_000,
  },
});
