import { readFileSync } from 'node:fs';

/** The resident memory of process `pid` in MB (VmRSS of /proc/<pid>/status), or NaN where there is no /proc. */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}
