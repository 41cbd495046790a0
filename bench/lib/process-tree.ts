import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every live descendant of `pid` (children, their children, …), from /proc/<pid>/task/<tid>/children; none
 * where there is no /proc. A server started with node:cluster serves from its children.
 */
export function descendants(pid: number): number[] {
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const children = childrenOf(pending.pop()!);
    found.push(...children);
    pending.push(...children);
  }
  return found;
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}
