import { defineConfig } from 'vitest/config';

// PGlite takes one to two seconds to start, more on a busy machine.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } });
