import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Route } from './route';

const routesByHandler = new WeakMap<object, Route>();

export function registerRouteHandler(handler: object, route: Route): void {
  routesByHandler.set(handler, route);
}

/** The route a request matched (with its full path, name and `meta`), for middleware; undefined when none did. */
export function routeOf(c: Context): Route | undefined {
  const matched = matchedRoutes(c);
  for (let index = matched.length - 1; index >= 0; index--) {
    const route = routesByHandler.get(matched[index]!.handler);
    if (route) return route;
  }
  return undefined;
}
