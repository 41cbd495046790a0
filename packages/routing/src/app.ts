import { type Component, Injector, value } from '@flama/injection';
import {
  buildOpenAPI,
  type OpenAPIDocument,
  type OpenAPIOptions,
  type OperationDescription,
} from '@flama/schema';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { compileRoute, type RoutePlan, routePlan } from './compile-route';
import { errorHandler } from './error-handler';
import { errorResponse } from './error-response';
import { type HealthOption, registerHealthRoutes } from './health';
import { httpComponents } from './http-components';
import type { Instrumentation } from './instrumentation';
import { StartupError } from './lifecycle-errors';
import { type Middleware, middlewareHandler } from './middleware';
import type { Module } from './module';
import { isDocumentedHono, mergeMountedDocument } from './mounted-openapi';
import { notFoundHandler } from './not-found';
import { contributionOf, type OpenAPIContribution } from './openapi-contribution';
import { routeOperations } from './openapi-operations';
import { joinPaths } from './path-template';
import type { FlamaEnv } from './request-state';
import type { Resource } from './resource';
import type { Route } from './route';
import { RouteBuilder } from './route-builder';
import { registerRouteHandler } from './route-registry';
import type { Servable } from './servable';
import { UrlResolver } from './url-resolver';

export interface AppOptions {
  title?: string;
  version?: string;
  description?: string;
  /** Everything else the OpenAPI document says: info (contact, license, terms), servers, tags, security schemes. */
  openapi?: Partial<OpenAPIOptions>;
  /** Where the OpenAPI document is served (default `/schema/`); `false` serves none. */
  schema?: string | false;
  components?: Component<unknown, Context>[];
  modules?: Module[];
  middleware?: Middleware[];
  /** Show errors' internals in 500 responses. Never in production. */
  debug?: boolean;
  /** Largest JSON body accepted, in bytes (default 1 MiB); larger ones get a 413. */
  bodyLimit?: number;
  /** Where unexpected errors are reported (default: console.error). */
  log?: (error: unknown, c: Context) => void;
  /**
   * Health routes for probes and load balancers: `true` serves `GET /health/live` and `GET /health/ready`,
   * or give their paths (`{ live: '/livez', ready: false }`). Served ahead of middleware, not in the schema.
   */
  health?: HealthOption;
  /** Hooks around each route's steps (validation), e.g. @flama/telemetry's `validationSpans()`. */
  instrumentation?: Instrumentation;
}

type State = 'idle' | 'starting' | 'started' | 'stopping';
type Hook = (app: App) => void | Promise<void>;
/** A Hono app of any environment and schema (an `OpenAPIHono`, a `Hono<{ Bindings }>`), as `route()` takes. */
// biome-ignore lint/suspicious/noExplicitAny: Hono's type parameters are invariant; any of them mounts.
type MountableHono = Hono<any, any, any>;

/**
 * A route, its plan, the app that declared it, and what that app and its ancestors (whose middleware also wraps
 * it) contribute to its OpenAPI operation.
 */
type RoutePart = {
  kind: 'route';
  route: Route;
  plan: RoutePlan;
  owner: App;
  contributions: readonly (OpenAPIContribution | undefined)[];
};
type Part =
  | RoutePart
  | { kind: 'middleware'; path: string; middleware: Middleware; owner: App; injector: Injector<Context> }
  | { kind: 'hono'; path: string; app: MountableHono };

interface Mount {
  path: string;
  app: App | MountableHono;
  name: string | undefined;
}

/**
 * The app core: routes, resources, mounts, components, modules and middleware, with a lifecycle.
 * `startup()` starts modules, runs hooks and compiles every route (failing when a route needs a component
 * nobody provides); `fetch()` serves; `shutdown()` stops in reverse order.
 */
export class App extends RouteBuilder implements Servable {
  readonly title: string;
  readonly version: string;
  readonly description: string | undefined;
  readonly debug: boolean;
  /** Flama's `app.resources.addResource(path, resource)`. */
  readonly resources: { addResource(path: string, resource: Resource): App } = {
    addResource: (path, resource) => this.addResource(path, resource),
  };

  private readonly routes: Route[] = [];
  private readonly mounts: Mount[] = [];
  private readonly components: Component<unknown, Context>[];
  private readonly modules: Module[];
  private readonly middleware: Middleware[];
  private readonly startupHooks: Hook[] = [];
  private readonly shutdownHooks: Hook[] = [];
  private readonly startedModules: Module[] = [];
  private readonly settings: AppOptions;
  private state: State = 'idle';
  private isDraining = false;
  private starting: Promise<void> | undefined;
  /** While started inside another app: the outermost app, and this app's path in it (the mounts' paths joined). */
  private outer: { app: App; path: string } | undefined;
  private reloading: Promise<void> = Promise.resolve();
  private hono: Hono<FlamaEnv> | undefined;
  private urls: UrlResolver | undefined;

  constructor(options: AppOptions = {}) {
    super();
    this.settings = options;
    this.title = options.title ?? 'Flama';
    this.version = options.version ?? '0.1.0';
    this.description = options.description;
    this.debug = options.debug ?? false;
    this.components = [...(options.components ?? [])];
    this.modules = [...(options.modules ?? [])];
    this.middleware = [...(options.middleware ?? [])];
  }

  get started(): boolean {
    return this.state === 'started';
  }

  /** True once `drain()` was called, until the app starts again. */
  get draining(): boolean {
    return this.isDraining;
  }

  /** Ready to take traffic: every module started and the app is not draining (what `/health/ready` says). */
  get ready(): boolean {
    return this.started && !this.isDraining;
  }

  /**
   * Why the app must run in a single process, if one of its modules (or of its mounted apps') says so:
   * e.g. an embedded database that only one process may open. Servers refuse to run several workers then.
   */
  get singleProcess(): string | undefined {
    const own = this.modules.find((module) => module.singleProcess)?.singleProcess;
    return own ?? this.mountedApps().find((app) => app.singleProcess)?.singleProcess;
  }

  /** The path of the OpenAPI document, or undefined when the app serves none. */
  get schemaPath(): string | undefined {
    return this.settings.schema === false ? undefined : (this.settings.schema ?? '/schema/');
  }

  get docsPath(): string | undefined {
    return undefined;
  }

  addComponent(component: Component<unknown, Context>): this {
    this.assertNotStarted('add a component');
    this.components.push(component);
    return this;
  }

  addModule(module: Module): this {
    this.assertNotStarted('add a module');
    this.modules.push(module);
    return this;
  }

  /** The app's module of a class, e.g. `app.module(DatabaseModule)`. */
  module<M extends Module>(type: abstract new (...args: never[]) => M): M | undefined {
    return this.modules.find((module): module is M => module instanceof type);
  }

  addMiddleware(middleware: Middleware): this {
    this.assertNotStarted('add middleware');
    this.middleware.push(middleware);
    return this;
  }

  onStartup(hook: Hook): this {
    this.startupHooks.push(hook);
    return this;
  }

  onShutdown(hook: Hook): this {
    this.shutdownHooks.push(hook);
    return this;
  }

  /** Mounts a Flama app (its routes, middleware, components and lifecycle) or a plain Hono app under `path`. */
  mount(path: string, app: App | MountableHono, options: { name?: string } = {}): this {
    this.assertNotStarted('mount an app');
    if (!path.startsWith('/')) throw new TypeError(`Mount path "${path}" must start with "/".`);
    if (app === this) throw new TypeError('An app cannot be mounted inside itself.');
    this.mounts.push({ path: path.replace(/\/+$/, '') || '/', app, name: options.name });
    return this;
  }

  addResource(path: string, resource: Resource): this {
    for (const route of resource.routes) this.addRoute(route.prefixed(path, resource.name));
    return this;
  }

  /** The URL of a named route: `resolveUrl('user:detail', { id: 1 })`, `'v1:home'` through a named mount. */
  resolveUrl(name: string, params: Record<string, unknown> = {}): string {
    return (this.urls ?? new UrlResolver(this.namedRoutes())).resolve(name, params);
  }

  /**
   * The OpenAPI document of the app and every Flama app mounted in it (what `/schema/` serves), with the
   * operations of mounted Hono apps that document themselves (@hono/zod-openapi's `OpenAPIHono`).
   */
  openapi(): OpenAPIDocument {
    return this.describe(this.parts());
  }

  async startup(): Promise<void> {
    if (this.state === 'started') return;
    if (this.starting) return this.starting;
    this.state = 'starting';
    this.isDraining = false;
    this.starting = this.start()
      .then(async () => {
        this.hono = await this.build();
        this.state = 'started';
      })
      .catch(async (error: unknown) => {
        await this.stop();
        this.state = 'idle';
        throw error instanceof StartupError ? error : new StartupError(this.title, error);
      })
      .finally(() => {
        this.starting = undefined;
      });
    return this.starting;
  }

  async shutdown(): Promise<void> {
    if (this.state !== 'started') return;
    this.state = 'stopping';
    this.hono = undefined;
    try {
      await this.stop();
    } finally {
      this.state = 'idle';
    }
  }

  /** Marks the app as shutting down: it keeps serving, but `/health/ready` answers 503 from now on. */
  drain(): void {
    this.isDraining = true;
  }

  /**
   * Reloads what can be reloaded without a restart (models from their files): runs `reload` of every
   * started module, mounted apps' too, one after the other. A module reports its own failures and keeps
   * serving what it had; one that throws anyway is logged and the others still reload. Never rejects;
   * reloads asked for while one runs wait for it.
   */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => (this.state === 'started' ? this.reloadModules() : undefined));
    return this.reloading;
  }

  /** Serves a request; `env` is what the server passes along (Node's `incoming`/`outgoing`), seen as `c.env`. */
  fetch = (request: Request, env?: unknown): Response | Promise<Response> => {
    const hono = this.hono;
    if (!hono)
      return errorResponse(503, 'Service Unavailable: the app is not started.', 'HTTPException', {
        'retry-after': '1',
      });
    return hono.fetch(request, env);
  };

  /**
   * Serves a request for one of this app's own paths as a client's request for it is served: mounted in
   * another app, through the outermost one (its middleware too) at the path under the mounts; standing alone,
   * by this app. What a module calling its app's routes in process uses (an MCP tool calling a route).
   */
  fetchThroughMounts = async (request: Request): Promise<Response> => {
    const outer = this.outer;
    if (!outer) return this.fetch(request);
    const url = new URL(request.url);
    url.pathname = `${outer.path}${url.pathname}`;
    const body = request.body === null ? null : await request.arrayBuffer();
    return outer.app.fetch(new Request(url, { method: request.method, headers: request.headers, body }));
  };

  private async reloadModules(): Promise<void> {
    for (const module of this.startedModules) {
      try {
        await module.reload?.(this);
      } catch (error) {
        console.error(
          `${module.name} failed to reload: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    for (const app of this.mountedApps()) await app.reloadModules();
  }

  private mountedApps(): App[] {
    return this.mounts.map((mount) => mount.app).filter((app): app is App => app instanceof App);
  }

  protected addRoute(route: Route): void {
    this.assertNotStarted('add a route');
    this.routes.push(route);
  }

  /** Starts modules, runs startup hooks and starts mounted Flama apps, in that order. */
  private async start(outer?: { app: App; path: string }): Promise<void> {
    this.outer = outer;
    for (const module of this.modules) {
      await module.startup?.(this);
      this.startedModules.push(module);
    }
    for (const hook of this.startupHooks) await hook(this);
    for (const { path, app } of this.mounts) {
      const within = `${outer?.path ?? ''}${path === '/' ? '' : path}`;
      if (app instanceof App) await app.start({ app: outer?.app ?? this, path: within });
    }
  }

  /** Stops in the reverse order of start: mounted apps, shutdown hooks, modules. Every step runs. */
  private async stop(): Promise<void> {
    const errors: unknown[] = [];
    const attempt = async (step: () => unknown) => {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    };
    for (const { app } of [...this.mounts].reverse()) if (app instanceof App) await attempt(() => app.stop());
    for (const hook of this.shutdownHooks) await attempt(() => hook(this));
    for (const module of this.startedModules.splice(0).reverse())
      await attempt(() => module.shutdown?.(this));
    this.outer = undefined;
    if (errors.length > 0) throw new AggregateError(errors, `${this.title} did not shut down cleanly.`);
  }

  /** Compiles every route into a Hono app and resolves the singletons they need, so requests never wait. */
  private async build(): Promise<Hono<FlamaEnv>> {
    this.urls = new UrlResolver(this.namedRoutes());
    const parts = this.parts();
    for (const part of parts) if (part.kind === 'route') await part.plan.prepare();
    const hono = new Hono<FlamaEnv>();
    hono.onError(errorHandler({ debug: this.debug, log: this.settings.log ?? logError }));
    registerHealthRoutes(hono, this.settings.health, () =>
      this.isDraining ? 'the app is draining' : undefined,
    );
    const headHandlers = new Set<object>();
    for (const part of parts) {
      if (part.kind === 'middleware')
        hono.use(part.path, middlewareHandler(part.middleware, part.owner, part.injector));
      else if (part.kind === 'hono') hono.route(part.path, part.app);
      else this.registerRoute(hono, part, headHandlers);
    }
    const schemaPath = this.schemaPath;
    if (schemaPath) {
      const document = JSON.stringify(this.describe(parts));
      hono.get(schemaPath, (c) => c.body(document, 200, { 'content-type': 'application/json' }));
    }
    const routes = hono.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => (headHandlers.has(route.handler) ? { ...route, method: 'HEAD' } : route));
    hono.notFound(notFoundHandler(routes));
    return hono;
  }

  private registerRoute(hono: Hono<FlamaEnv>, part: RoutePart, headHandlers: Set<object>): void {
    const { route, plan, owner } = part;
    const handler = compileRoute(route, plan, owner.bodyLimit, this.settings.instrumentation);
    registerRouteHandler(handler, route);
    // Hono answers HEAD with the GET route, so a HEAD route is a GET handler that passes GETs on.
    if (route.methods.includes('HEAD')) {
      const head: MiddlewareHandler<FlamaEnv> = async (c, next) =>
        c.req.raw.method === 'HEAD' ? handler(c) : next();
      headHandlers.add(head);
      hono.get(route.path.hono, head);
    }
    const methods = route.methods.filter((method) => method !== 'HEAD');
    if (methods.length > 0) hono.on(methods, route.path.hono, handler);
  }

  private get bodyLimit(): number {
    return this.settings.bodyLimit ?? 1024 * 1024;
  }

  private injector(parent: Injector<Context>): Injector<Context> {
    const moduleComponents = this.modules.flatMap((module) => module.components ?? []);
    return parent.extend([value(App, this), ...moduleComponents, ...this.components]);
  }

  /**
   * Everything the app and its mounted apps register, in order: each app's middleware, then its routes
   * (with their injection plans, which fail here when a component is missing), then its mounts.
   */
  private parts(
    prefix = '',
    parent = new Injector<Context>(httpComponents()),
    inherited: readonly (OpenAPIContribution | undefined)[] = [],
  ): Part[] {
    const injector = this.injector(parent);
    const contributions = [
      ...inherited,
      ...[...this.modules, ...this.middleware].map((part) => contributionOf(part, injector)),
    ];
    const parts: Part[] = this.middleware.map((middleware) => ({
      kind: 'middleware' as const,
      path: prefix ? `${prefix}/*` : '*',
      middleware,
      owner: this,
      injector,
    }));
    for (const declared of this.routes) {
      const route = declared.prefixed(prefix);
      const plan = routePlan(route, injector, this.bodyLimit);
      parts.push({ kind: 'route', route, plan, owner: this, contributions });
    }
    for (const mount of this.mounts) {
      const path = mountPrefix(prefix, mount.path);
      if (mount.app instanceof App) parts.push(...mount.app.parts(path, injector, contributions));
      else parts.push({ kind: 'hono', path, app: mount.app });
    }
    return parts;
  }

  /** The OpenAPI document of these parts, with what components, middleware and modules contribute. */
  private describe(parts: Part[]): OpenAPIDocument {
    const { openapi = {} } = this.settings;
    const info = { title: this.title, version: this.version, description: this.description, ...openapi.info };
    const securitySchemes = { ...openapi.securitySchemes };
    const operations: OperationDescription[] = [];
    for (const part of parts) {
      if (part.kind !== 'route') continue;
      const contributions = [
        ...part.contributions,
        ...part.plan.steps.map((step) => contributionOf(step.component)),
      ].filter((contribution) => contribution !== undefined);
      for (const contribution of contributions) Object.assign(securitySchemes, contribution.securitySchemes);
      for (const operation of routeOperations(part.route)) {
        operations.push(
          contributions.reduce(
            (described, contribution) => contribution.describeOperation?.(described, part.route) ?? described,
            operation,
          ),
        );
      }
    }
    const schemes = Object.keys(securitySchemes).length > 0 ? { securitySchemes } : {};
    const document = buildOpenAPI({ ...openapi, ...schemes, info }, operations);
    for (const part of parts)
      if (part.kind === 'hono' && isDocumentedHono(part.app))
        mergeMountedDocument(document, part.app, part.path);
    return document;
  }

  private namedRoutes(prefix = '', namePrefix = ''): Route[] {
    const own = this.routes
      .filter((route) => route.name !== undefined)
      .map((route) => route.prefixed(prefix, namePrefix || undefined));
    const mounted = this.mounts.flatMap((mount) => {
      if (!(mount.app instanceof App)) return [];
      const names = [namePrefix, mount.name].filter(Boolean).join(':');
      return mount.app.namedRoutes(mountPrefix(prefix, mount.path), names);
    });
    return [...own, ...mounted];
  }

  private assertNotStarted(action: string): void {
    if (this.state !== 'idle') throw new TypeError(`Cannot ${action} once ${this.title} has started.`);
  }
}

/** The prefix of a mount inside an app mounted at `prefix` ('' for the root). */
function mountPrefix(prefix: string, path: string): string {
  return path === '/' ? prefix : joinPaths(prefix || '/', path);
}

function logError(error: unknown, c: Context): void {
  console.error(`Unhandled error on ${c.req.method} ${c.req.path}:`, error);
}
