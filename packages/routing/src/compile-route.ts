import { component, type Injector, type Plan, value } from '@flama/injection';
import { stringInputParser, validator } from '@flama/schema';
import type { Context } from 'hono';
import { Body, PathParams } from './http-components';
import type { PathTemplate } from './path-template';
import { contextCache, type FlamaEnv, jsonBody } from './request-state';
import { responder } from './respond';
import { Route } from './route';

export type RouteHandler = (c: Context<FlamaEnv>) => Promise<Response>;

const noParams = Object.freeze({});

/** The plan of what a route injects, with the route-specific built-ins (the route, its params, its body). */
export function routePlan(route: Route, injector: Injector<Context>, bodyLimit: number): RoutePlan {
  const limit = route.options.bodyLimit ?? bodyLimit;
  return injector
    .extend([
      value(Route, route),
      component({ provides: PathParams, resolve: (_deps, c: Context) => route.path.convert(c.req.param()) }),
      component({ provides: Body, resolve: (_deps, c: Context) => jsonBody(c, limit) }),
    ])
    .plan(route.label, route.options.inject ?? {});
}

export type RoutePlan = Plan<Record<string, unknown>, Context>;

/**
 * Turns a declared route into the function Hono calls, doing once here everything that does not
 * depend on the request: parsers, validators, the injection plan and the serializer.
 */
export function compileRoute(route: Route, plan: RoutePlan, bodyLimit: number): RouteHandler {
  const { options, handler } = route;
  const limit = options.bodyLimit ?? bodyLimit;
  const params = paramsReader(route.path, options.params);
  const query = options.query ? queryReader(options.query) : undefined;
  const body = options.body ? validator(options.body, 'body') : undefined;
  const respond = responder(options.response, options.status ?? 200);

  return async (c) => {
    const args: Record<string, unknown> = plan.empty ? {} : await plan.resolve(c, contextCache(c));
    args.params = params(c);
    if (query) args.query = query(c);
    if (body) args.body = body(await jsonBody(c, limit));
    return respond(c, await handler(args));
  };
}

function paramsReader(path: PathTemplate, schema: Route['options']['params']): (c: Context) => unknown {
  if (schema) {
    const parse = stringInputParser(schema, 'path');
    return (c) => parse(c.req.param());
  }
  if (path.params.length === 0) return () => noParams;
  return (c) => path.convert(c.req.param());
}

/** Reads only the declared query keys (a scan of the query string each), then coerces and validates them. */
function queryReader(schema: NonNullable<Route['options']['query']>): (c: Context) => unknown {
  const parse = stringInputParser(schema, 'query');
  const keys = Object.keys(schema.shape);
  return (c) => {
    const raw: Record<string, string | string[]> = {};
    for (const key of keys) {
      const values = c.req.queries(key);
      if (values) raw[key] = values.length === 1 ? values[0]! : values;
    }
    return parse(raw);
  };
}
