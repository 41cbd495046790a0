import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Where the load generator and the server run. With two or more cores and `taskset`, wrk gets core 0 and the
 * server core 1, so they never take turns on one core; without either, both float and the report says so.
 */
export interface CpuPlan {
  pinned: boolean;
  cores: number;
  /** The command prefix that pins a process to the load generator's core, or none. */
  load: string[];
  /** The command prefix that pins a process to the server's core, or none. */
  server: string[];
}

export function cpuPlan(): CpuPlan {
  const cores = availableParallelism();
  const hasTaskset = spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;
  if (cores < 2 || !hasTaskset || process.env.BENCH_NO_PIN === '1') {
    return { pinned: false, cores, load: [], server: [] };
  }
  return { pinned: true, cores, load: ['taskset', '-c', '0'], server: ['taskset', '-c', '1'] };
}

/** `command` run under `prefix` (e.g. taskset), as the program and arguments to spawn. */
export function prefixed(prefix: readonly string[], command: readonly string[]): [string, string[]] {
  const [program, ...args] = [...prefix, ...command];
  return [program!, args];
}
