import { readFileSync } from 'node:fs';
import { descendants } from './process-tree';

/**
 * The share of all cores that was busy over `ms` (from /proc/stat), or undefined where there is no /proc.
 * Sampled while no server is under load, it is what the rest of the machine is doing: noise for the benchmark.
 */
export async function busyShare(ms = 500): Promise<number | undefined> {
  const before = cpuTimes();
  if (!before) return undefined;
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes()!;
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : undefined;
}

/**
 * Waits (at most `maxSeconds`) until less than `threshold` of the machine is busy, so a measurement does not
 * overlap someone else's build. Returns the last share seen.
 */
export async function waitForQuiet(threshold: number, maxSeconds: number): Promise<number | undefined> {
  const deadline = Date.now() + maxSeconds * 1000;
  let share = await busyShare();
  while (share !== undefined && share >= threshold && Date.now() < deadline) share = await busyShare();
  return share;
}

function cpuTimes(): { idle: number; total: number } | undefined {
  let line: string | undefined;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  } catch {
    return undefined;
  }
  const fields = line?.trim().split(/\s+/).slice(1).map(Number);
  if (!fields || fields.length < 5) return undefined;
  // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
  const counted = fields.slice(0, 8);
  return { idle: counted[3]! + counted[4]!, total: counted.reduce((sum, n) => sum + n, 0) };
}

/** CPU time counters, in clock ticks, of the machine and of the processes a measurement involves. */
export interface CpuSnapshot {
  busy: number;
  total: number;
  /** This process, including its children that have exited (wrk, once it has been waited for). */
  self: number;
  /** The server's process and its live descendants (the workers of a node:cluster server). */
  server: number;
}

export function cpuSnapshot(serverPid: number): CpuSnapshot | undefined {
  const machine = cpuTimes();
  const self = processTicks('self', true);
  let server = processTicks(String(serverPid), false);
  if (!machine || self === undefined || server === undefined) return undefined;
  for (const pid of descendants(serverPid)) server += processTicks(String(pid), false) ?? 0;
  return { busy: machine.total - machine.idle, total: machine.total, self, server };
}

export interface CpuUse {
  /** Share of the whole machine used by processes other than the runner, wrk and the server: noise. */
  others: number;
  /** Share of one core the server used: near 1 means the server was the bottleneck, as intended. */
  server: number;
}

export function cpuUse(before: CpuSnapshot, after: CpuSnapshot, cores: number): CpuUse {
  const total = after.total - before.total;
  const ours = after.self - before.self + (after.server - before.server);
  if (total <= 0) return { others: 0, server: 0 };
  return {
    others: Math.max(0, (after.busy - before.busy - ours) / total),
    server: ((after.server - before.server) / total) * cores,
  };
}

/** utime + stime (+ cutime + cstime) of /proc/<pid>/stat. */
function processTicks(pid: string, withChildren: boolean): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name, in parentheses, may hold spaces: count fields after its closing parenthesis.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15) as [number, number, number, number];
  return utime + stime + (withChildren ? cutime + cstime : 0);
}
