import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** `name (file:line:column)`, the file relative to the repository when inside it. */
  location: string;
  /** Where the code comes from: `packages/routing`, `hono`, `node:internal`, `(garbage collector)`, … */
  source: string;
  ms: number;
  /** Share of the time the process was not idle. */
  share: number;
}

/**
 * Self time per function in a V8 .cpuprofile (as written by `node --cpu-prof`), largest first, as shares of the
 * busy (not idle) time. Code run through tsx is on one line per file: the column tells functions apart.
 */
export function selfTimes(file: string, root: string): SelfTime[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const micros = new Map<string, { source: string; us: number }>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += delta;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const path = url.replace(/^file:\/\//, '').replace(root, '');
    const location = `${functionName || '(anonymous)'}${path ? ` (${path}:${lineNumber + 1}:${columnNumber + 1})` : ''}`;
    const entry = micros.get(location) ?? { source: source(path, functionName), us: 0 };
    entry.us += delta;
    micros.set(location, entry);
  });
  return [...micros]
    .map(([location, { source, us }]) => ({ location, source, ms: us / 1000, share: busy ? us / busy : 0 }))
    .sort((a, b) => b.ms - a.ms);
}

/** Self time summed by where the code comes from, largest first. */
export function bySource(times: readonly SelfTime[]): { source: string; share: number }[] {
  const shares = new Map<string, number>();
  for (const time of times) shares.set(time.source, (shares.get(time.source) ?? 0) + time.share);
  return [...shares].map(([source, share]) => ({ source, share })).sort((a, b) => b.share - a.share);
}

function source(path: string, functionName: string): string {
  if (!path) return functionName.startsWith('(') ? functionName : '(native)';
  if (path.startsWith('node:')) return 'node';
  const dependency = /node_modules\/(?!\.pnpm\/)((?:@[^/]+\/)?[^/]+)/.exec(
    path.replace(/.*node_modules\/\.pnpm\/[^/]+\//, ''),
  );
  if (dependency) return dependency[1]!;
  const workspace = /^(packages|apps|bench)\/([^/]+)/.exec(path);
  return workspace ? `${workspace[1]}/${workspace[2]}` : path;
}
