import type { Benchmark } from './lib/benchmark';

/**
 * Every benchmark, in the order `pnpm bench` runs them. Add one as `bench/<name>.bench.ts` (default export from
 * defineBenchmark) and one line here; each is loaded only when it runs.
 */
export const benchmarks: Record<string, () => Promise<{ default: Benchmark }>> = {
  core: () => import('./core.bench'),
  auth: () => import('./auth.bench'),
  ddd: () => import('./ddd.bench'),
  ml: () => import('./ml.bench'),
  serving: () => import('./serving.bench'),
  telemetry: () => import('./telemetry.bench'),
  runtimes: () => import('./runtimes.bench'),
};
