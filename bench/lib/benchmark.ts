import type { CpuPlan } from './cpus';
import type { LoadSpec } from './load';
import type { Settings } from './settings';

export interface BenchmarkContext {
  /** The repository's root directory. */
  root: string;
  settings: Settings;
  cpus: CpuPlan;
  log(line: string): void;
}

/**
 * One benchmark: a `bench/<name>.bench.ts` file whose default export is this, registered in bench/benchmarks.ts.
 * `run` prints its own report and returns what is written to bench/results/<name>-<timestamp>.json.
 */
export interface Benchmark {
  name: string;
  description: string;
  /** The servers it loads, by name, so that bench/profile.ts can profile one of them. */
  servers?: readonly LoadSpec[];
  run(context: BenchmarkContext): Promise<Record<string, unknown>>;
}

export function defineBenchmark(benchmark: Benchmark): Benchmark {
  return benchmark;
}
