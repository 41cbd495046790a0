import type { Dependencies } from '@flama/injection';
import { Route } from './route';
import type { AnyHandler, AnyRouteOptions, HttpMethod, RouteMethod } from './route-options';

/** Declares routes with `get`, `post`, … where each handler's argument is typed from its options. */
export abstract class RouteBuilder<Shared extends Dependencies = Record<never, never>> {
  readonly get: RouteMethod<Shared, this> = this.method(['GET']);
  readonly post: RouteMethod<Shared, this> = this.method(['POST']);
  readonly put: RouteMethod<Shared, this> = this.method(['PUT']);
  readonly patch: RouteMethod<Shared, this> = this.method(['PATCH']);
  readonly delete: RouteMethod<Shared, this> = this.method(['DELETE']);
  readonly head: RouteMethod<Shared, this> = this.method(['HEAD']);
  readonly options: RouteMethod<Shared, this> = this.method(['OPTIONS']);

  /** Adds a declared route; subclasses decide where it goes. */
  protected abstract addRoute(route: Route): void;

  /** Options every route of this builder starts from (a resource's shared injections and tags). */
  protected defaults(options: AnyRouteOptions): AnyRouteOptions {
    return options;
  }

  /** Declares one route for several methods at once. */
  route(methods: readonly HttpMethod[], path: string, options: AnyRouteOptions, handler: AnyHandler): this {
    this.addRoute(new Route(methods, path, this.defaults(options), handler));
    return this;
  }

  private method(methods: readonly HttpMethod[]): RouteMethod<Shared, this> {
    return ((path: string, options: AnyRouteOptions | AnyHandler, handler?: AnyHandler) =>
      typeof options === 'function'
        ? this.route(methods, path, {}, options)
        : this.route(methods, path, options, handler as AnyHandler)) as RouteMethod<Shared, this>;
  }
}
