/** The JavaScript runtimes Flama tells apart; `other` is any runtime not listed. */
export type Runtime = 'node' | 'bun' | 'deno' | 'workerd' | 'other';

export interface RuntimeGlobals {
  Bun?: unknown;
  Deno?: unknown;
  navigator?: { userAgent?: string };
  process?: { release?: { name?: string } };
}

/**
 * Which runtime this is, told by the globals each one defines. Bun, Deno and workerd (with `nodejs_compat`) also
 * define Node's `process`, so they are asked first.
 */
export function detectRuntime(scope: RuntimeGlobals): Runtime {
  if (scope.Bun !== undefined) return 'bun';
  if (scope.Deno !== undefined) return 'deno';
  if (scope.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (scope.process?.release?.name === 'node') return 'node';
  return 'other';
}

const runtime = detectRuntime(globalThis as RuntimeGlobals);

/** The runtime this process runs on: `node`, `bun`, `deno`, `workerd` (Cloudflare Workers) or `other`. */
export function currentRuntime(): Runtime {
  return runtime;
}

/** True on Node itself, where the Node fast paths (@hono/node-server's `IncomingMessage`) apply. */
export const onNode = runtime === 'node';

const names: Record<Runtime, string> = {
  node: 'Node.js',
  bun: 'Bun',
  deno: 'Deno',
  workerd: 'Cloudflare Workers (workerd)',
  other: 'a runtime other than Node.js',
};

/** The runtime's name for messages: "Bun", "Cloudflare Workers (workerd)", … */
export function runtimeName(which: Runtime = runtime): string {
  return names[which];
}
