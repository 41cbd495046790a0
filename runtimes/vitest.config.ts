import { defineConfig } from 'vitest/config';

// Each runtime starts once per describe block (its runner, then apps/hello's server): allow for workerd's start.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 120_000 } });
