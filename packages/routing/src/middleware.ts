import type { MiddlewareHandler } from 'hono';
import type { App } from './app';

/** A middleware that needs its app (its routes, its components) to build its handler once, at startup. */
export interface MiddlewareFactory {
  middleware(app: App): MiddlewareHandler;
}

/** Any Hono middleware (`cors()`, `compress()`, your own), or a factory of one. Listed first runs outermost. */
export type Middleware = MiddlewareHandler | MiddlewareFactory;

export function middlewareHandler(middleware: Middleware, app: App): MiddlewareHandler {
  return typeof middleware === 'function' ? middleware : middleware.middleware(app);
}
