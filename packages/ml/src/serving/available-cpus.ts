import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * The CPUs this process may really use: Node's count, capped by a cgroup v2 CPU quota (`cpu.max`, what
 * Kubernetes limits set), which `availableParallelism()` ignores on Node 20.
 */
export function availableCpus(cpuMax = '/sys/fs/cgroup/cpu.max'): number {
  const cpus = availableParallelism();
  let quota: string | undefined;
  try {
    quota = readFileSync(cpuMax, 'utf8');
  } catch {
    return cpus;
  }
  const [limit, period] = quota.trim().split(/\s+/).map(Number);
  if (!limit || !period || !Number.isFinite(limit)) return cpus;
  return Math.max(1, Math.min(cpus, Math.ceil(limit / period)));
}

/**
 * Inference threads when not told: the process's share of the CPUs it may use (all of them, unless `processes`
 * server processes share them), less one left to its event loop; at least one.
 */
export function defaultInferenceThreads(processes = 1): number {
  return Math.max(1, Math.floor(availableCpus() / processes) - 1);
}
