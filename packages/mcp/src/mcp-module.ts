import type { Dependencies } from '@flama/injection';
import { type App, Context, type Module } from '@flama/routing';
import type { McpAuthorize } from './authorization';
import { McpServerBuilder, type McpServerOptions } from './mcp-server';

export interface McpModuleOptions {
  /**
   * How a caller is checked against the `meta.permissions` of tools, resources and prompts. Without it, an
   * app declaring one that asks for permissions does not start.
   */
  authorize?: McpAuthorize;
}

/** Names the servers' handlers get from their routes (`request`) or their routes inject: `inject` can't use them. */
const reserved = ['request', 'honoContext'];

/** Both spellings of a path: `/mcp/` and `/mcp`. */
function spellings(path: string): string[] {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return ['/'];
  return [`${trimmed}/`, trimmed];
}

/**
 * MCP servers served by an app at paths of its own (Flama's `app.mcp.add_server`): no second server or port.
 * Each server's routes (POST, GET and DELETE at the path, with and without its trailing slash) carry the
 * server's `meta`, so the app's middleware (authentication, metrics) applies to them like to any route. The
 * module adds itself to the app's modules: as the app starts it readies its servers, and as it shuts down it
 * ends their sessions.
 */
export class McpModule implements Module {
  readonly name = 'mcp';
  private readonly servers: McpServerBuilder<Dependencies>[] = [];
  private authorize: McpAuthorize | undefined;

  constructor(
    private readonly app: App,
    options: McpModuleOptions = {},
  ) {
    this.authorize = options.authorize;
    app.addModule(this);
  }

  /** Whether callers are checked against `meta.permissions` (an `authorize` was given). */
  get authorizes(): boolean {
    return this.authorize !== undefined;
  }

  /** Sets how callers are checked against `meta.permissions`, before the app starts. */
  authorizeWith(authorize: McpAuthorize): this {
    this.authorize = authorize;
    return this;
  }

  addServer<Inject extends Dependencies = Record<never, never>>(
    path: string,
    options: McpServerOptions<Inject>,
  ): McpServerBuilder<Inject> {
    const clashing = Object.keys(options.inject ?? {}).filter((name) => reserved.includes(name));
    if (clashing.length > 0) {
      throw new TypeError(
        `MCP server ${options.name} injects ${clashing.join(', ')}, a name its routes use: inject it under another name.`,
      );
    }
    const server = new McpServerBuilder<Inject>(path, options);
    this.servers.push(server as unknown as McpServerBuilder<Dependencies>);
    // The request comes from Hono's context: @hono/node-server swaps the global Request class once loaded.
    const inject = { ...(options.inject ?? {}), honoContext: Context } as Dependencies;
    for (const spelling of spellings(path)) {
      this.app.route(
        ['POST', 'GET', 'DELETE'],
        spelling,
        { meta: options.meta ?? {}, inject, includeInSchema: false },
        async (args) => {
          const {
            params: _params,
            honoContext,
            ...injected
          } = args as {
            params: unknown;
            honoContext: Context;
          };
          return server.handle(honoContext.req.raw, injected, honoContext);
        },
      );
    }
    return server;
  }

  /** The server at `path` (either spelling), if there is one. */
  server(path: string): McpServerBuilder<Dependencies> | undefined {
    const wanted = spellings(path)[0];
    return this.servers.find((server) => spellings(server.path)[0] === wanted);
  }

  get paths(): string[] {
    return this.servers.map((server) => server.path);
  }

  /** A stateful server's sessions live in this process: nothing routes a session's requests to another worker. */
  get singleProcess(): string | undefined {
    const stateful = this.servers.find((server) => server.options.stateful);
    if (!stateful) return undefined;
    return (
      `the MCP server at ${stateful.path} keeps its sessions in this process (stateful), ` +
      'and nothing routes a session’s requests back to the worker holding it'
    );
  }

  startup(app: App): void {
    for (const server of this.servers) server.prepare(app.fetchThroughMounts, this.authorize);
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.closeSessions()));
  }
}
