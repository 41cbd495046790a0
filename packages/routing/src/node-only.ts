import { currentRuntime, type Runtime, runtimeName } from './runtime';

/** Something that needs Node.js was used on another runtime (Bun, Deno, Cloudflare Workers). */
export class NodeOnlyError extends Error {
  override name = 'NodeOnlyError';
  readonly runtime: Runtime;

  /** `feature` says what needs Node and why; `instead` what to do on this runtime. */
  constructor(feature: string, instead: string, runtime: Runtime = currentRuntime()) {
    super(`${feature} needs Node.js, and this is ${runtimeName(runtime)}: ${instead}`);
    this.runtime = runtime;
  }
}

/** Throws a `NodeOnlyError` unless this is Node: call it before loading anything Node-only. */
export function requireNode(feature: string, instead: string): void {
  const runtime = currentRuntime();
  if (runtime !== 'node') throw new NodeOnlyError(feature, instead, runtime);
}
