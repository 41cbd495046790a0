import type { Dependencies } from '@flama/injection';
import type { Route } from './route';
import { RouteBuilder } from './route-builder';
import type { AnyRouteOptions } from './route-options';

export interface ResourceOptions<Shared extends Dependencies> {
  /** Prefix of every method's route name: `user` gives `user:create`. */
  name: string;
  /** Human name, used as the OpenAPI tag of the resource's operations. */
  verboseName?: string;
  description?: string;
  /** Components every method receives. */
  inject?: Shared;
}

/** A named group of methods mounted under one path (Flama's `Resource` and `resource_method`). */
export class Resource<Shared extends Dependencies = Record<never, never>> extends RouteBuilder<Shared> {
  readonly routes: Route[] = [];

  constructor(readonly settings: ResourceOptions<Shared>) {
    super();
    if (!/^[\w.-]+$/.test(settings.name)) {
      throw new TypeError(
        `Resource name "${settings.name}" may only hold letters, digits, "_", "." and "-".`,
      );
    }
  }

  get name(): string {
    return this.settings.name;
  }

  protected addRoute(route: Route): void {
    this.routes.push(route);
  }

  protected override defaults(options: AnyRouteOptions): AnyRouteOptions {
    const tags = options.tags ?? [this.settings.verboseName ?? this.settings.name];
    return { ...options, tags, inject: { ...this.settings.inject, ...options.inject } };
  }
}

/**
 * Starts a resource: a named group of routes mounted under one path, sharing injected components.
 *
 * @example
 * const users = resource({ name: 'user', inject: { worker: RegisterWorker } })
 *   .post('/activate/', { name: 'activate', body: Credentials }, ({ body, worker }) => activate(worker, body));
 * app.resources.addResource('/user/', users); // POST /user/activate/, named `user:activate`
 */
export function resource<Shared extends Dependencies = Record<never, never>>(
  options: ResourceOptions<Shared>,
): Resource<Shared> {
  return new Resource(options);
}
