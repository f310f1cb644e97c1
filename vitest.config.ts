import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    // The integration tests lint examples/ with the built package; give them room on a cold machine.
    testTimeout: 60_000,
  },
});
