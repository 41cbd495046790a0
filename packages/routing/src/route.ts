import { PathTemplate, PathTemplateError } from './path-template';
import type { AnyHandler, AnyRouteOptions, HttpMethod, RouteMeta } from './route-options';

const bodyless: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Names the handler's argument gives the validated request parts: an injected component can't take them. */
const requestParts = ['params', 'query', 'body'];

/** One declared route: methods, path template, options and handler. Immutable once declared. */
export class Route {
  readonly path: PathTemplate;

  constructor(
    readonly methods: readonly HttpMethod[],
    path: string,
    readonly options: AnyRouteOptions,
    readonly handler: AnyHandler,
  ) {
    this.path = new PathTemplate(path);
    const clashing = Object.keys(options.inject ?? {}).filter((name) => requestParts.includes(name));
    if (clashing.length > 0) {
      throw new TypeError(
        `Route ${path} injects ${clashing.map((name) => `"${name}"`).join(', ')}, a name the handler gets the validated request by (params, query, body): inject it under another name.`,
      );
    }
    if (options.body && methods.some((method) => bodyless.has(method))) {
      throw new PathTemplateError(
        `Route ${methods.join(',')} ${path} declares a body, but ${methods[0]} has none.`,
      );
    }
    if (options.params) {
      const declared = Object.keys(options.params.shape);
      const missing = this.path.params
        .filter((param) => !declared.includes(param.name))
        .map((param) => param.name);
      if (missing.length > 0) {
        throw new PathTemplateError(`Route ${path} has no schema for the path params ${missing.join(', ')}.`);
      }
    }
  }

  get name(): string | undefined {
    return this.options.name;
  }

  get meta(): RouteMeta {
    return this.options.meta ?? {};
  }

  /** A readable identity for error messages: `GET /user/{id}/`. */
  get label(): string {
    return `${this.methods.join(',')} ${this.path.template}`;
  }

  /** The same route under a mount prefix (and a name prefix such as `user:`). */
  prefixed(prefix: string, namePrefix?: string): Route {
    const name = namePrefix && this.options.name ? `${namePrefix}:${this.options.name}` : this.options.name;
    return new Route(
      this.methods,
      this.path.prefixed(prefix).template,
      { ...this.options, name },
      this.handler,
    );
  }
}
