import type { Dependencies } from '@flama/injection';
import type { Route, RouteMeta } from '@flama/routing';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { WebStandardStreamableHTTPServerTransportOptions } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import type { Context } from 'hono';
import type { z } from 'zod';
import { McpAuthorizationError, type McpAuthorize } from './authorization';
import { type Connection, DEFAULT_SESSION_IDLE_TIMEOUT, McpSessions } from './mcp-sessions';
import { type Declaration, guardPermissions } from './permission-guard';
import { currentRequest, inRequest, type McpContext, McpRequest } from './request-context';
import { errorResult, promptResult, resourceResult, toolResult } from './results';
import { type RouteParts, routeAnswer, routeInput, routeRequest } from './route-call';
import { loadSdk, type Sdk } from './sdk';

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
  /**
   * Keep a session per client (`Mcp-Session-Id`), with a stream (GET) for the server's notifications, until the
   * client ends it (DELETE), it is idle for `sessionIdleTimeout`, or the app shuts down. Sessions live in this
   * process: an app with a stateful server refuses to run on several workers. Default false: stateless, any
   * worker answers any request.
   */
  stateful?: boolean;
  /**
   * Milliseconds without a request after which a stateful server's session ends, with its stream (a client that
   * vanished never sends its DELETE); its next request gets a 404, and MCP clients then start a new session.
   * Default 30 minutes; `false` keeps sessions until their DELETE or the app's shutdown.
   */
  sessionIdleTimeout?: number | false;
}

/** Hints for clients (read-only, destructive, …), per the MCP spec. */
export interface ToolAnnotations {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

export interface ToolOptions<
  Input extends z.ZodObject,
  Output extends z.ZodObject | undefined,
  Inject extends Dependencies = Record<never, never>,
> {
  title?: string;
  description?: string;
  /**
   * Validates the tool's arguments; becomes the tool's JSON Schema. Given as a function, it is read per SDK
   * server (per request, or per session when stateful) with the request's context: a served model's schema
   * follows its reloads.
   */
  input: Input | ((context: McpContext<Inject>) => Input);
  /** Validates the result's `structuredContent`; becomes the tool's output JSON Schema. */
  output?: Output;
  annotations?: ToolAnnotations;
  /** As a route's: `{ permissions: ['admin'] }` hides the tool from callers without them, and refuses their calls. */
  meta?: RouteMeta;
}

/**
 * A tool's handler: returns a full `CallToolResult` (an object with `content`), or any value, which becomes
 * `structuredContent` (when it's an object) and JSON text. A thrown error becomes an error result.
 */
export type ToolHandler<Input extends z.ZodObject, Inject extends Dependencies> = (
  input: z.output<Input>,
  context: McpContext<Inject>,
) => unknown;

/** A tool that calls one of the app's routes; its permissions are the route's `meta.permissions`. */
export interface RouteToolOptions<
  Input extends z.ZodObject = z.ZodObject,
  Inject extends Dependencies = Record<never, never>,
> {
  title?: string;
  description?: string;
  /**
   * Default: the route's path params, query and body (`{ params, query, body }`), as the route validates them.
   * Given as a function, read per SDK server with the request's context (as a tool's `input`).
   */
  input?: Input | ((context: McpContext<Inject>) => Input);
  /** How the input becomes the route's params, query and body; default as it is. */
  parts?: (input: z.output<Input>) => RouteParts;
  output?: z.ZodObject;
  annotations?: ToolAnnotations;
}

export interface ResourceOptions {
  /** Defaults to the URI. */
  name?: string;
  title?: string;
  description?: string;
  mimeType?: string;
  /** As a route's: `{ permissions: ['admin'] }` hides the resource from callers without them, and refuses their reads. */
  meta?: RouteMeta;
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
  /** As a route's: `{ permissions: ['admin'] }` hides the prompt from callers without them, and refuses them. */
  meta?: RouteMeta;
}

/** A prompt's handler: returns a full `GetPromptResult` (an object with `messages`) or a string (one user message). */
export type PromptHandler<Args extends z.ZodObject | undefined, Inject extends Dependencies> = (
  args: Args extends z.ZodObject ? z.output<Args> : Record<never, never>,
  context: McpContext<Inject>,
) => unknown;

/** A declaration and how it registers on an SDK server. */
interface Entry extends Declaration {
  register(server: McpServer, sdk: Sdk): void;
}

/** What serves the app's routes, for tools that call them. */
type RouteCaller = (request: Request) => Response | Promise<Response>;

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
 * One MCP server at a path of an app: declare its tools, resources and prompts, then serve. Stateless by
 * default: each POST gets a fresh SDK server and transport, so any worker can answer any request.
 */
export class McpServerBuilder<Inject extends Dependencies = Record<never, never>> {
  private readonly entries: Entry[] = [];
  private readonly atStartup: (() => void)[] = [];
  private readonly sessions: McpSessions;
  private readonly templates = new Map<string, UriTemplate>();
  private authorize: McpAuthorize | undefined;
  private callRoute: RouteCaller | undefined;

  constructor(
    readonly path: string,
    readonly options: McpServerOptions<Inject>,
  ) {
    const idleTimeout = options.sessionIdleTimeout ?? DEFAULT_SESSION_IDLE_TIMEOUT;
    if (idleTimeout !== false && !(idleTimeout > 0 && Number.isFinite(idleTimeout))) {
      throw new TypeError(
        `MCP server ${options.name}: sessionIdleTimeout is milliseconds (e.g. 1800000 for 30 minutes) or ` +
          `false for no timeout, not ${String(idleTimeout)}.`,
      );
    }
    this.sessions = new McpSessions({ idleTimeout });
  }

  /** Sessions open now (stateful servers). */
  get openSessions(): number {
    return this.sessions.size;
  }

  tool<Input extends z.ZodObject, Output extends z.ZodObject | undefined = undefined>(
    name: string,
    options: ToolOptions<Input, Output, Inject>,
    handler: ToolHandler<Input, Inject>,
  ): this {
    return this.declare({
      kind: 'tool',
      key: name,
      template: false,
      permissions: options.meta?.permissions ?? [],
      routeGuarded: false,
      register: (server) => {
        const input = this.read(options.input);
        this.registerTool(server, name, { ...options, input }, (value) =>
          handler(value as z.output<Input>, this.context()),
        );
      },
    });
  }

  /**
   * A tool that calls one of the app's routes (`route` as the app holds it, its full path), with the caller's
   * headers: the app's middleware judges the call as it judges the caller's own requests, so whatever guards the
   * route guards the tool. Its answer is the result; an error answer is an error result with its detail.
   */
  routeTool<Input extends z.ZodObject = z.ZodObject>(
    name: string,
    route: Route,
    options: RouteToolOptions<Input, Inject> = {},
  ): this {
    return this.declare({
      kind: 'tool',
      key: name,
      template: false,
      permissions: route.meta.permissions ?? [],
      routeGuarded: true,
      register: (server) => {
        const parts = options.parts ?? ((input: z.output<Input>) => input as RouteParts);
        const input = options.input ? this.read(options.input) : routeInput(route);
        this.registerTool(server, name, { ...options, input }, (value) =>
          this.call(route, parts(value as z.output<Input>)),
        );
      },
    });
  }

  /** A resource at a URI, or at a URI template (`notes://{id}`) whose values the handler receives. */
  resource(uri: string, options: ResourceOptions, handler: ResourceHandler<Inject>): this {
    return this.declareResource(uri, options, false, handler);
  }

  /** A resource read from one of the app's GET routes (as `routeTool` calls it): its JSON answer. */
  routeResource(uri: string, route: Route, options: Omit<ResourceOptions, 'meta'> = {}): this {
    const meta = { permissions: route.meta.permissions ?? [] };
    return this.declareResource(uri, { mimeType: 'application/json', ...options, meta }, true, () =>
      this.call(route, {}),
    );
  }

  prompt<Args extends z.ZodObject | undefined = undefined>(
    name: string,
    options: PromptOptions<Args>,
    handler: PromptHandler<Args, Inject>,
  ): this {
    return this.declare({
      kind: 'prompt',
      key: name,
      template: false,
      permissions: options.meta?.permissions ?? [],
      routeGuarded: false,
      register: (server) => {
        const config = { title: options.title, description: options.description };
        const run = async (args: unknown) =>
          promptResult(
            await handler(
              (args ?? {}) as Args extends z.ZodObject ? z.output<Args> : Record<never, never>,
              this.context(),
            ),
          );
        if (options.args)
          server.registerPrompt(name, { ...config, argsSchema: options.args.shape }, (args) => run(args));
        else server.registerPrompt(name, config, () => run({}));
      },
    });
  }

  /**
   * Declares more when the app starts, from what it holds by then (the models it serves): `declare` runs once,
   * before the app serves.
   */
  onStartup(declare: () => void): this {
    this.atStartup.push(declare);
    return this;
  }

  /**
   * Readies the server as its app starts (what McpModule does): runs the `onStartup` declarations, and fails
   * when something asks for permissions that nothing would check.
   */
  prepare(callRoute: RouteCaller, authorize: McpAuthorize | undefined): void {
    this.callRoute = callRoute;
    this.authorize = authorize;
    for (const declare of this.atStartup.splice(0)) declare();
    const unchecked = this.entries.find((entry) => entry.permissions.length > 0 && !entry.routeGuarded);
    if (unchecked && !authorize) {
      throw new McpAuthorizationError(
        `MCP server ${this.options.name} (${this.path}): ${unchecked.kind} ${unchecked.key} asks for the ` +
          `permissions ${unchecked.permissions.join(', ')}, and nothing checks them. Give the McpModule an ` +
          '`authorize` (on a Flama app, its AccessTokenComponent, e.g. jwtAuth().components, does).',
      );
    }
  }

  /** Ends every session of a stateful server, and their streams (the app shuts down). */
  closeSessions(): Promise<void> {
    return this.sessions.closeAll();
  }

  /** Answers one MCP HTTP request (what the app's routes call); `c` is its Hono context, for `authorize`. */
  async handle(request: Request, injected: Record<string, unknown> = {}, c?: Context): Promise<Response> {
    const context = { ...injected, request } as McpContext<Dependencies>;
    return inRequest(new McpRequest(context, c, this.authorize), () => {
      if (this.options.stateful) return this.sessions.handle(request, (options) => this.connect(options));
      return this.serveOnce(request);
    });
  }

  /** Stateless: a fresh server and transport answer this one request (JSON responses), then close. */
  private async serveOnce(request: Request): Promise<Response> {
    if (request.method !== 'POST') return methodNotAllowed();
    const { server, transport } = await this.connect({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    try {
      return await transport.handleRequest(request);
    } finally {
      // With JSON responses, the answer is complete once handleRequest returns.
      await server.close();
    }
  }

  private async connect(options: WebStandardStreamableHTTPServerTransportOptions): Promise<Connection> {
    const sdk = await loadSdk();
    const server = new sdk.McpServer(
      { name: this.options.name, version: this.options.version ?? '0.1.0' },
      this.options.instructions === undefined ? {} : { instructions: this.options.instructions },
    );
    for (const entry of this.entries) entry.register(server, sdk);
    const transport = new sdk.Transport(options);
    await server.connect(transport);
    guardPermissions(
      transport,
      this.entries,
      (template, uri) => this.template(sdk, template).match(uri) !== null,
    );
    return { server, transport };
  }

  private registerTool(
    server: McpServer,
    name: string,
    options: Omit<RouteToolOptions, 'input' | 'parts'> & { input: z.ZodObject },
    run: (input: unknown) => unknown,
  ): void {
    server.registerTool(
      name,
      {
        title: options.title,
        description: options.description,
        inputSchema: options.input,
        outputSchema: options.output,
        annotations: options.annotations,
      },
      // The SDK's callback type is inferred from the schema's shape; the input was validated by it.
      (async (input: unknown) => {
        try {
          return toolResult(await run(input));
        } catch (error) {
          return errorResult(error);
        }
      }) as never,
    );
  }

  private declareResource(
    uri: string,
    options: ResourceOptions,
    routeGuarded: boolean,
    handler: ResourceHandler<Inject>,
  ): this {
    const template = uri.includes('{');
    return this.declare({
      kind: 'resource',
      key: uri,
      template,
      permissions: options.meta?.permissions ?? [],
      routeGuarded,
      register: (server, sdk) => {
        const metadata = {
          title: options.title,
          description: options.description,
          mimeType: options.mimeType,
        };
        const read = async (url: URL, variables: Record<string, string | string[]>) =>
          resourceResult(url, await handler(url, variables, this.context()), options.mimeType);
        const name = options.name ?? uri;
        if (template) {
          server.registerResource(
            name,
            new sdk.ResourceTemplate(this.template(sdk, uri), { list: undefined }),
            metadata,
            (url, variables) => read(url, variables),
          );
        } else {
          server.registerResource(name, uri, metadata, (url) => read(url, {}));
        }
      },
    });
  }

  private declare(entry: Entry): this {
    if (this.entries.some((other) => other.kind === entry.kind && other.key === entry.key))
      throw new TypeError(`MCP server ${this.options.name} already has the ${entry.kind} ${entry.key}.`);
    this.entries.push(entry);
    return this;
  }

  /** Calls a route of the app for the current caller, with its headers. */
  private async call(route: Route, parts: RouteParts): Promise<unknown> {
    if (!this.callRoute)
      throw new Error(`MCP server ${this.options.name} calls the app's routes once the app has started.`);
    return routeAnswer(await this.callRoute(routeRequest(route, parts, this.context().request)));
  }

  private context(): McpContext<Inject> {
    return currentRequest().context as McpContext<Inject>;
  }

  /** A schema, or the schema a function gives for the current request's context. */
  private read<S extends z.ZodObject>(schema: S | ((context: McpContext<Inject>) => S)): S {
    return typeof schema === 'function' ? schema(this.context()) : schema;
  }

  /** A URI template, parsed once. */
  private template(sdk: Sdk, uri: string): UriTemplate {
    let template = this.templates.get(uri);
    if (!template) {
      template = new sdk.UriTemplate(uri);
      this.templates.set(uri, template);
    }
    return template;
  }
}
