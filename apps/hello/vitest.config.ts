import { defineConfig } from 'vitest/config';

// The app is served by the real CLI in a subprocess and its docs opened in Chromium.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
