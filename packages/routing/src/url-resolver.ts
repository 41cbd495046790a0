import type { Route } from './route';

/** No route has the name asked for. */
export class NoRouteError extends Error {
  override name = 'NoRouteError';
}

/** Two routes share a name, so reverse routing could not tell them apart. */
export class DuplicateRouteNameError extends Error {
  override name = 'DuplicateRouteNameError';
}

/** Builds URLs from route names. */
export class UrlResolver {
  private readonly byName = new Map<string, Route>();

  constructor(routes: Iterable<Route>) {
    for (const route of routes) {
      if (!route.name) continue;
      const taken = this.byName.get(route.name);
      if (taken)
        throw new DuplicateRouteNameError(
          `Routes ${taken.label} and ${route.label} are both named "${route.name}".`,
        );
      this.byName.set(route.name, route);
    }
  }

  resolve(name: string, params: Record<string, unknown>): string {
    const route = this.byName.get(name);
    if (!route) {
      const known = [...this.byName.keys()].sort().join(', ') || 'none';
      throw new NoRouteError(`No route is named "${name}". Named routes: ${known}.`);
    }
    return route.path.format(params);
  }
}
