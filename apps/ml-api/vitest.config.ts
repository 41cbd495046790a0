import { defineConfig } from 'vitest/config';

// The app is trained if needed and served by `pnpm start` in a subprocess.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
