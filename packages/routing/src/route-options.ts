import type { Dependencies, Resolved } from '@flama/injection';
import type { z } from 'zod';
import type { PathParamsOf } from './path-template';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Free route metadata read by middleware (Flama's route "tags"): `{ permissions: ['admin'] }`. */
export interface RouteMeta {
  permissions?: readonly string[];
  [key: string]: unknown;
}

export interface DocumentedResponse {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

/** An OpenAPI security requirement: scheme name → scopes. */
export type SecurityRequirement = Record<string, string[]>;

/** How a route appears in the OpenAPI document. */
export interface RouteDocs {
  summary?: string;
  description?: string;
  /** OpenAPI tags (for route metadata read by middleware, use `meta`). */
  tags?: string[];
  deprecated?: boolean;
  operationId?: string;
  /** More documented answers: `{ 404: 'No such user' }`, or with a body schema `{ 409: { description, schema } }`. */
  responses?: Record<number, DocumentedResponse | string>;
  security?: SecurityRequirement[];
  /** Leave the route out of `/schema/` (default true). */
  includeInSchema?: boolean;
}

export interface RouteOptions<Params, Query, Body, Result, Inject> extends RouteDocs {
  /** For reverse routing (`app.resolveUrl(name)`) and the OpenAPI operationId. */
  name?: string;
  meta?: RouteMeta;
  /** Validates path params (strings coerced to the fields' types); defaults to the template's typed segments. */
  params?: Params;
  /** Validates query params (strings coerced to the fields' types, repeated keys as arrays). */
  query?: Query;
  /** Validates a JSON body. */
  body?: Body;
  /** Validates the result and strips undeclared fields; documented as the success response. */
  response?: Result;
  /** Components the handler receives, by the names given here. */
  inject?: Inject;
  /** Success status (default 200). */
  status?: number;
  /** Largest accepted body in bytes (default: the app's `bodyLimit`). */
  bodyLimit?: number;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type ParamsArg<Path extends string, Params> = Params extends z.ZodType
  ? z.output<Params>
  : Simplify<PathParamsOf<Path>>;

/** The one object a handler receives, typed from the route's declarations. */
export type HandlerArgs<Path extends string, Params, Query, Body, Inject> = Simplify<
  { params: ParamsArg<Path, Params> } & (Query extends z.ZodType ? { query: z.output<Query> } : unknown) &
    (Body extends z.ZodType ? { body: z.output<Body> } : unknown) &
    (Inject extends Dependencies ? Resolved<Inject> : unknown)
>;

export type HandlerResult<Result> = Result extends z.ZodType ? z.input<Result> | Response : unknown;

export type Handler<Args, Result> = (args: Args) => HandlerResult<Result> | Promise<HandlerResult<Result>>;

/** Declares a route for one or more methods; chains. */
export interface RouteMethod<Shared extends Dependencies, Self> {
  <
    Path extends string,
    Params extends z.ZodObject | undefined = undefined,
    Query extends z.ZodObject | undefined = undefined,
    Body extends z.ZodType | undefined = undefined,
    Result extends z.ZodType | undefined = undefined,
    Inject extends Dependencies = Record<never, never>,
  >(
    path: Path,
    options: RouteOptions<Params, Query, Body, Result, Inject>,
    handler: Handler<HandlerArgs<Path, Params, Query, Body, Inject & Shared>, Result>,
  ): Self;
  <Path extends string>(
    path: Path,
    handler: Handler<HandlerArgs<Path, undefined, undefined, undefined, Shared>, undefined>,
  ): Self;
}

/** Route options and handler with their types erased, as the core stores them. */
export type AnyRouteOptions = RouteOptions<
  z.ZodObject | undefined,
  z.ZodObject | undefined,
  z.ZodType | undefined,
  z.ZodType | undefined,
  Dependencies
>;
export type AnyHandler = (args: Record<string, unknown>) => unknown;
