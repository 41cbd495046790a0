import type { Dependencies, Resolved } from '@flama/injection';
import type { App, RouteMeta } from '@flama/routing';
import type { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { CallToolResult, GetPromptResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';

/** What every handler receives besides its input: the server's injected components and the MCP HTTP request. */
export type McpContext<Inject extends Dependencies> = Resolved<Inject> & { request: Request };

export interface McpServerOptions<Inject extends Dependencies = Record<never, never>> {
  name: string;
  version?: string;
  /** Told to clients on initialization: how to use this server. */
  instructions?: string;
  /**
   * Route metadata of the server's routes, read by app middleware: `{ permissions: ['mcp'] }` makes the
   * `AuthenticationMiddleware` guard every tool, resource and prompt of this server.
   */
  meta?: RouteMeta;
  /** Components resolved per MCP HTTP request (as a route's `inject`), handed to every handler. */
  inject?: Inject;
}

export interface ToolOptions<Input extends z.ZodObject, Output extends z.ZodObject | undefined> {
  title?: string;
  description?: string;
  /** Validates the tool's arguments; becomes the tool's JSON Schema. */
  input: Input;
  /** Validates the result's `structuredContent`; becomes the tool's output JSON Schema. */
  output?: Output;
  /** Hints for clients (read-only, destructive, …), per the MCP spec. */
  annotations?: {
    readOnlyHint?: boolean;
    destructiveHint?: boolean;
    idempotentHint?: boolean;
    openWorldHint?: boolean;
  };
}

/**
 * A tool's handler: returns a full `CallToolResult` (an object with `content`), or any value, which becomes
 * `structuredContent` (when it's an object) and JSON text. A thrown error becomes an error result.
 */
export type ToolHandler<Input extends z.ZodObject, Inject extends Dependencies> = (
  input: z.output<Input>,
  context: McpContext<Inject>,
) => unknown;

export interface ResourceOptions {
  /** Defaults to the URI. */
  name?: string;
  title?: string;
  description?: string;
  mimeType?: string;
}

/**
 * A resource's handler: returns a full `ReadResourceResult` (an object with `contents`), a string (the text),
 * or any other value (as JSON). `variables` holds a URI template's values (`notes://{id}` gives `{ id }`).
 */
export type ResourceHandler<Inject extends Dependencies> = (
  uri: URL,
  variables: Record<string, string | string[]>,
  context: McpContext<Inject>,
) => unknown;

export interface PromptOptions<Args extends z.ZodObject | undefined> {
  title?: string;
  description?: string;
  /** The prompt's arguments (MCP prompt arguments are strings). */
  args?: Args;
}

/** A prompt's handler: returns a full `GetPromptResult` (an object with `messages`) or a string (one user message). */
export type PromptHandler<Args extends z.ZodObject | undefined, Inject extends Dependencies> = (
  args: Args extends z.ZodObject ? z.output<Args> : Record<never, never>,
  context: McpContext<Inject>,
) => unknown;

type Registration = (server: McpServer, sdk: Sdk, context: () => McpContext<Dependencies>) => void;

interface Sdk {
  McpServer: typeof McpServer;
  ResourceTemplate: typeof ResourceTemplate;
  Transport: typeof WebStandardStreamableHTTPServerTransport;
}

let sdk: Promise<Sdk> | undefined;

/** The SDK takes ~0.3 s to import: it loads on the first MCP request, not with the app. */
function loadSdk(): Promise<Sdk> {
  sdk ??= Promise.all([
    import('@modelcontextprotocol/sdk/server/mcp.js'),
    import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
  ]).then(([mcp, http]) => ({
    McpServer: mcp.McpServer,
    ResourceTemplate: mcp.ResourceTemplate,
    Transport: http.WebStandardStreamableHTTPServerTransport,
  }));
  return sdk;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorResult(error: unknown): CallToolResult {
  return { content: [{ type: 'text', text: message(error) }], isError: true };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toolResult(value: unknown): CallToolResult {
  if (isObject(value) && Array.isArray(value.content)) return value as CallToolResult;
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const result: CallToolResult = { content: [{ type: 'text', text }] };
  if (isObject(value)) result.structuredContent = value;
  return result;
}

function resourceResult(uri: URL, value: unknown, mimeType: string | undefined): ReadResourceResult {
  if (isObject(value) && Array.isArray(value.contents)) return value as ReadResourceResult;
  if (typeof value === 'string')
    return { contents: [{ uri: uri.href, mimeType: mimeType ?? 'text/plain', text: value }] };
  return {
    contents: [{ uri: uri.href, mimeType: mimeType ?? 'application/json', text: JSON.stringify(value) }],
  };
}

function promptResult(value: unknown): GetPromptResult {
  if (isObject(value) && Array.isArray(value.messages)) return value as GetPromptResult;
  return { messages: [{ role: 'user', content: { type: 'text', text: String(value) } }] };
}

const methodNotAllowed = () =>
  Response.json(
    {
      jsonrpc: '2.0',
      error: { code: -32000, message: 'Method not allowed: this MCP server is stateless, use POST' },
      id: null,
    },
    { status: 405, headers: { Allow: 'POST' } },
  );

/**
 * One MCP server at a path of an app: declare its tools, resources and prompts, then serve. Stateless: each
 * POST gets a fresh SDK server and transport, so any worker can answer any request and nothing is kept.
 */
export class McpServerBuilder<Inject extends Dependencies = Record<never, never>> {
  private readonly registrations: Registration[] = [];
  private readonly names = new Set<string>();

  constructor(
    readonly path: string,
    readonly options: McpServerOptions<Inject>,
  ) {}

  tool<Input extends z.ZodObject, Output extends z.ZodObject | undefined = undefined>(
    name: string,
    toolOptions: ToolOptions<Input, Output> | ((context: McpContext<Inject>) => ToolOptions<Input, Output>),
    handler: ToolHandler<Input, Inject>,
  ): this {
    this.claim(`tool ${name}`);
    this.registrations.push((server, _sdk, context) => {
      // Options given as a function are read per request: a served model's schema follows its reloads.
      const options =
        typeof toolOptions === 'function' ? toolOptions(context() as McpContext<Inject>) : toolOptions;
      server.registerTool(
        name,
        {
          title: options.title,
          description: options.description,
          inputSchema: options.input,
          outputSchema: options.output,
          annotations: options.annotations,
        },
        (async (input: unknown) => {
          try {
            return toolResult(await handler(input as z.output<Input>, context() as McpContext<Inject>));
          } catch (error) {
            return errorResult(error);
          }
        }) as never,
      );
    });
    return this;
  }

  /** A resource at a URI, or at a URI template (`notes://{id}`) whose values the handler receives. */
  resource(uri: string, options: ResourceOptions, handler: ResourceHandler<Inject>): this {
    this.claim(`resource ${uri}`);
    this.registrations.push((server, { ResourceTemplate }, context) => {
      const metadata = { title: options.title, description: options.description, mimeType: options.mimeType };
      const read = async (url: URL, variables: Record<string, string | string[]>) =>
        resourceResult(url, await handler(url, variables, context() as McpContext<Inject>), options.mimeType);
      const name = options.name ?? uri;
      if (uri.includes('{')) {
        server.registerResource(
          name,
          new ResourceTemplate(uri, { list: undefined }),
          metadata,
          (url, variables) => read(url, variables),
        );
      } else {
        server.registerResource(name, uri, metadata, (url) => read(url, {}));
      }
    });
    return this;
  }

  prompt<Args extends z.ZodObject | undefined = undefined>(
    name: string,
    options: PromptOptions<Args>,
    handler: PromptHandler<Args, Inject>,
  ): this {
    this.claim(`prompt ${name}`);
    this.registrations.push((server, _sdk, context) => {
      const config = { title: options.title, description: options.description };
      const run = async (args: unknown) =>
        promptResult(
          await handler(
            (args ?? {}) as Args extends z.ZodObject ? z.output<Args> : Record<never, never>,
            context() as McpContext<Inject>,
          ),
        );
      if (options.args)
        server.registerPrompt(name, { ...config, argsSchema: options.args.shape }, (args) => run(args));
      else server.registerPrompt(name, config, () => run({}));
    });
    return this;
  }

  /** Answers one MCP HTTP request (what the app's routes call). */
  async handle(request: Request, injected: Record<string, unknown> = {}): Promise<Response> {
    if (request.method !== 'POST') return methodNotAllowed();
    const loaded = await loadSdk();
    const server = new loaded.McpServer(
      { name: this.options.name, version: this.options.version ?? '0.1.0' },
      this.options.instructions === undefined ? {} : { instructions: this.options.instructions },
    );
    const context = { ...injected, request } as McpContext<Dependencies>;
    for (const register of this.registrations) register(server, loaded, () => context);
    const transport = new loaded.Transport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    try {
      await server.connect(transport);
      return await transport.handleRequest(request);
    } finally {
      // With JSON responses, the answer is complete once handleRequest returns.
      await server.close();
    }
  }

  private claim(what: string): void {
    if (this.names.has(what)) throw new Error(`MCP server ${this.options.name} already has ${what}`);
    this.names.add(what);
  }
}

/** Both spellings of a path: `/mcp/` and `/mcp`. */
function spellings(path: string): string[] {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return ['/'];
  return [`${trimmed}/`, trimmed];
}

/**
 * MCP servers served by an app at paths of its own (Flama's `app.mcp.add_server`): no second server or port.
 * Each server's routes (POST, GET and DELETE at the path, with and without its trailing slash) carry the
 * server's `meta`, so the app's middleware (authentication, metrics) applies to them like to any route.
 */
export class McpModule {
  private readonly servers: McpServerBuilder<Dependencies>[] = [];

  constructor(private readonly app: App) {}

  addServer<Inject extends Dependencies = Record<never, never>>(
    path: string,
    options: McpServerOptions<Inject>,
  ): McpServerBuilder<Inject> {
    const server = new McpServerBuilder<Inject>(path, options);
    this.servers.push(server as unknown as McpServerBuilder<Dependencies>);
    const inject = { ...(options.inject ?? {}), request: Request } as Dependencies;
    for (const spelling of spellings(path)) {
      this.app.route(
        ['POST', 'GET', 'DELETE'],
        spelling,
        { meta: options.meta ?? {}, inject, includeInSchema: false },
        async (args) => {
          const { params: _params, request, ...injected } = args as { params: unknown; request: Request };
          return server.handle(request, injected);
        },
      );
    }
    return server;
  }

  get paths(): string[] {
    return this.servers.map((server) => server.path);
  }
}
