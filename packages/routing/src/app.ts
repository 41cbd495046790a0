import { type Component, Injector, value } from '@flama/injection';
import { buildOpenAPI, type OpenAPIOptions, type OperationDescription } from '@flama/schema';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { compileRoute } from './compile-route';
import { errorHandler } from './error-handler';
import { errorResponse } from './error-response';
import { httpComponents } from './http-components';
import { StartupError } from './lifecycle-errors';
import { type Middleware, middlewareHandler } from './middleware';
import type { Module } from './module';
import { notFoundHandler } from './not-found';
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
}

type State = 'idle' | 'starting' | 'started' | 'stopping';
type Hook = (app: App) => void | Promise<void>;

interface Mount {
  path: string;
  app: App | Hono;
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
  private starting: Promise<void> | undefined;
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
  mount(path: string, app: App | Hono, options: { name?: string } = {}): this {
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

  /** The OpenAPI document of the app and every Flama app mounted in it. */
  openapi(): ReturnType<typeof buildOpenAPI> {
    const { openapi = {} } = this.settings;
    const info = { title: this.title, version: this.version, description: this.description, ...openapi.info };
    return buildOpenAPI({ ...openapi, info }, this.operations(''));
  }

  async startup(): Promise<void> {
    if (this.state === 'started') return;
    if (this.starting) return this.starting;
    this.state = 'starting';
    this.starting = this.start()
      .then(() => {
        this.hono = this.build();
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

  fetch = (request: Request): Response | Promise<Response> => {
    const hono = this.hono;
    if (!hono)
      return errorResponse(503, 'Service Unavailable: the app is not started.', 'HTTPException', {
        'retry-after': '1',
      });
    return hono.fetch(request);
  };

  protected addRoute(route: Route): void {
    this.assertNotStarted('add a route');
    this.routes.push(route);
  }

  /** Starts modules, runs startup hooks and starts mounted Flama apps, in that order. */
  private async start(): Promise<void> {
    for (const module of this.modules) {
      await module.startup?.(this);
      this.startedModules.push(module);
    }
    for (const hook of this.startupHooks) await hook(this);
    for (const { app } of this.mounts) if (app instanceof App) await app.start();
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
    if (errors.length > 0) throw new AggregateError(errors, `${this.title} did not shut down cleanly.`);
  }

  private build(): Hono<FlamaEnv> {
    this.urls = new UrlResolver(this.namedRoutes());
    const hono = new Hono<FlamaEnv>();
    hono.onError(errorHandler({ debug: this.debug, log: this.settings.log ?? logError }));
    const headHandlers = new Set<object>();
    this.register(hono, '', this.injector(new Injector(httpComponents)), headHandlers);
    const schemaPath = this.schemaPath;
    if (schemaPath) {
      const document = JSON.stringify(this.openapi());
      hono.get(schemaPath, (c) => c.body(document, 200, { 'content-type': 'application/json' }));
    }
    const routes = hono.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => (headHandlers.has(route.handler) ? { ...route, method: 'HEAD' } : route));
    hono.notFound(notFoundHandler(routes));
    return hono;
  }

  private injector(parent: Injector<Context>): Injector<Context> {
    const moduleComponents = this.modules.flatMap((module) => module.components ?? []);
    return parent.extend([value(App, this), ...moduleComponents, ...this.components]);
  }

  /** Registers this app's middleware, routes and mounts on `hono` under `prefix`. */
  private register(
    hono: Hono<FlamaEnv>,
    prefix: string,
    injector: Injector<Context>,
    headHandlers: Set<object>,
  ): void {
    const bodyLimit = this.settings.bodyLimit ?? 1024 * 1024;
    for (const middleware of this.middleware) {
      hono.use(prefix ? `${prefix}/*` : '*', middlewareHandler(middleware, this));
    }
    const routes = this.routes.map((route) => route.prefixed(prefix));
    const handlers = routes.map((route) => compileRoute(route, route.path, injector, bodyLimit));
    // Hono answers HEAD with the GET route, so explicit HEAD routes go first, as GET handlers that pass GETs on.
    routes.forEach((route, index) => {
      const handler = handlers[index]!;
      registerRouteHandler(handler, route);
      if (!route.methods.includes('HEAD')) return;
      const head: MiddlewareHandler<FlamaEnv> = (c, next) =>
        c.req.raw.method === 'HEAD' ? handler(c) : next();
      headHandlers.add(head);
      hono.get(route.path.hono, head);
    });
    routes.forEach((route, index) => {
      const methods = route.methods.filter((method) => method !== 'HEAD');
      if (methods.length > 0) hono.on(methods, route.path.hono, handlers[index]!);
    });
    for (const mount of this.mounts) {
      const path = mountPrefix(prefix, mount.path);
      if (mount.app instanceof App)
        mount.app.register(hono, path, mount.app.injector(injector), headHandlers);
      else hono.route(path, mount.app);
    }
  }

  private operations(prefix: string): OperationDescription[] {
    const own = this.routes.flatMap((route) => routeOperations(route.prefixed(prefix)));
    const mounted = this.mounts.flatMap((mount) =>
      mount.app instanceof App ? mount.app.operations(mountPrefix(prefix, mount.path)) : [],
    );
    return [...own, ...mounted];
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
