import type { Injector } from '@flama/injection';
import type { Context, MiddlewareHandler } from 'hono';
import type { App } from './app';

/**
 * A middleware that needs its app to build its handler once, at startup: its routes, and the components it
 * resolves per request from `injector` (its app's components and those of the apps it is mounted in), with a
 * plan resolved in the request's context cache (`plan.resolve(c, contextCache(c))`) so that the handler
 * injecting the same value reuses it.
 */
export interface MiddlewareFactory {
  middleware(app: App, injector: Injector<Context>): MiddlewareHandler;
}

/** Any Hono middleware (`cors()`, `compress()`, your own), or a factory of one. Listed first runs outermost. */
export type Middleware = MiddlewareHandler | MiddlewareFactory;

export function middlewareHandler(
  middleware: Middleware,
  app: App,
  injector: Injector<Context>,
): MiddlewareHandler {
  return typeof middleware === 'function' ? middleware : middleware.middleware(app, injector);
}
