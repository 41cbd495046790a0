import { defineConfig } from 'vitest/config';

// The app is served by the real CLI in a subprocess.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
