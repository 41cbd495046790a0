import { component, type Injector, type Plan, value } from '@flama/injection';
import { repeatableKeys, stringInputParser, validator } from '@flama/schema';
import type { Context } from 'hono';
import { Body, JsonBytes, PathParams } from './http-components';
import type { Instrumentation, ValidatedPart } from './instrumentation';
import type { PathTemplate } from './path-template';
import { contextCache, type FlamaEnv, jsonBody, jsonBytes } from './request-state';
import { responder } from './respond';
import { Route } from './route';

export type RouteHandler = (c: Context<FlamaEnv>) => Response | Promise<Response>;

const noParams = Object.freeze({});

/** The plan of what a route injects, with the route-specific built-ins (the route, its params, its body). */
export function routePlan(route: Route, injector: Injector<Context>, bodyLimit: number): RoutePlan {
  const limit = route.options.bodyLimit ?? bodyLimit;
  return injector
    .extend([
      value(Route, route),
      component({ provides: PathParams, resolve: (_deps, c: Context) => route.path.convert(c.req.param()) }),
      component({ provides: Body, resolve: (_deps, c: Context) => jsonBody(c, limit) }),
      component({ provides: JsonBytes, resolve: (_deps, c: Context) => jsonBytes(c, limit) }),
    ])
    .plan(route.label, route.options.inject ?? {});
}

export type RoutePlan = Plan<Record<string, unknown>, Context>;

/**
 * Turns a declared route into the function Hono calls, doing once here everything that does not
 * depend on the request: parsers, validators, the injection plan and the serializer. The function stays
 * synchronous until something (a component, the body, the handler) is asynchronous: a route with nothing
 * to wait for answers without a promise, which Node's server turns into a response faster.
 */
export function compileRoute(
  route: Route,
  plan: RoutePlan,
  bodyLimit: number,
  instrumentation?: Instrumentation,
): RouteHandler {
  const { options, handler } = route;
  const limit = options.bodyLimit ?? bodyLimit;
  const params = instrumented(paramsReader(route.path, options.params), 'params', route, instrumentation);
  const query = options.query && instrumented(queryReader(options.query), 'query', route, instrumentation);
  const readsOwnBody = Object.values(options.inject ?? {}).includes(JsonBytes);
  const body =
    options.body &&
    !readsOwnBody &&
    instrumented(validator(options.body, 'body'), 'body', route, instrumentation);
  const respond = responder(options.response, options.status ?? 200);

  const call = (c: Context<FlamaEnv>, args: Record<string, unknown>): MaybePromise<Response> => {
    const result = handler(args);
    return isPromise(result) ? result.then((value) => respond(c, value)) : respond(c, result);
  };
  const withArgs = (c: Context<FlamaEnv>, args: Record<string, unknown>): MaybePromise<Response> => {
    args.params = params(c, c);
    if (query) args.query = query(c, c);
    if (!body) return call(c, args);
    return jsonBody(c, limit).then((raw) => {
      args.body = body(raw, c);
      return call(c, args);
    });
  };
  return (c) => {
    if (plan.empty) return withArgs(c, {});
    const resolved = plan.resolve(c, contextCache(c));
    return isPromise(resolved) ? resolved.then((args) => withArgs(c, args)) : withArgs(c, resolved);
  };
}

type MaybePromise<T> = T | Promise<T>;

/** A step wrapped by the app's instrumentation, chosen once: without one, the step itself. */
function instrumented<A>(
  step: (input: A) => unknown,
  part: ValidatedPart,
  route: Route,
  instrumentation: Instrumentation | undefined,
): (input: A, c: Context) => unknown {
  if (!instrumentation) return step;
  return (input, c) => instrumentation.validation(c, route, part, () => step(input));
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | null)?.then === 'function';
}

function paramsReader(path: PathTemplate, schema: Route['options']['params']): (c: Context) => unknown {
  if (schema) {
    const parse = stringInputParser(schema, 'path');
    return (c) => parse(c.req.param());
  }
  if (path.params.length === 0) return () => noParams;
  return (c) => path.convert(c.req.param());
}

/**
 * Reads only the declared query keys, then coerces and validates them: a list field takes every value
 * of its key, any other field the first (one scan of the query string each, Hono's fast path).
 */
function queryReader(schema: NonNullable<Route['options']['query']>): (c: Context) => unknown {
  const parse = stringInputParser(schema, 'query');
  const lists = repeatableKeys(schema);
  const keys = Object.keys(schema.shape).map((key) => [key, lists.has(key)] as const);
  return (c) => {
    const raw: Record<string, string | string[]> = {};
    for (const [key, list] of keys) {
      const value = list ? c.req.queries(key) : c.req.query(key);
      if (value !== undefined) raw[key] = value;
    }
    return parse(raw);
  };
}
