import { AsyncLocalStorage } from 'node:async_hooks';
import type { Dependencies, Resolved } from '@flama/injection';
import type { Context } from 'hono';
import type { Guarded, McpAuthorize } from './authorization';
import { errorMessage } from './results';

/** What every handler receives besides its input: the server's injected components and the MCP HTTP request. */
export type McpContext<Inject extends Dependencies> = Resolved<Inject> & { request: Request };

/**
 * One MCP HTTP request as its handlers see it. A stateful session serves many requests with one SDK server, so
 * handlers find theirs here (in the request's async context) rather than in a closure.
 */
export class McpRequest {
  private readonly decisions = new Map<string, Promise<string | undefined>>();

  constructor(
    readonly context: McpContext<Dependencies>,
    private readonly c: Context | undefined,
    private readonly authorize: McpAuthorize | undefined,
  ) {}

  /** Why this request's caller may not use `guarded`, or undefined when it may: decided once per permission set. */
  refusal(guarded: Guarded): Promise<string | undefined> {
    const { permissions } = guarded;
    if (permissions.length === 0) return Promise.resolve(undefined);
    // Without an authorize, the app route the declaration calls decides (its middleware); nothing else may pass.
    if (!this.authorize && guarded.routeGuarded) return Promise.resolve(undefined);
    const key = permissions.join('\n');
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = this.decide(permissions);
      this.decisions.set(key, decision);
    }
    return decision;
  }

  private async decide(permissions: readonly string[]): Promise<string | undefined> {
    const needed = `it needs ${permissions.join(', ')}`;
    if (!this.authorize || !this.c) return `nothing checks the permissions (${needed})`;
    try {
      return (await this.authorize(permissions, this.c)) ? undefined : `insufficient permissions (${needed})`;
    } catch (error) {
      return `${errorMessage(error)} (${needed})`;
    }
  }
}

const current = new AsyncLocalStorage<McpRequest>();

/** Runs `serve` with `request` as the current MCP request of everything it calls. */
export function inRequest<T>(request: McpRequest, serve: () => T): T {
  return current.run(request, serve);
}

/** The MCP request being served: what a tool, resource or prompt handler was called for. */
export function currentRequest(): McpRequest {
  const request = current.getStore();
  if (!request) throw new Error('An MCP handler ran outside of an MCP request.');
  return request;
}
