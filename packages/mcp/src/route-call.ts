import type { Route } from '@flama/routing';
import { z } from 'zod';
import { isObject } from './results';

/** What a call gives a route: its path params, query and JSON body. */
export interface RouteParts {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** A route answered with an error: its status and detail, as the tool or resource's refusal. */
export class RouteCallError extends Error {
  override name = 'RouteCallError';

  constructor(
    readonly status: number,
    detail: unknown,
  ) {
    super(`${typeof detail === 'string' ? detail : JSON.stringify(detail)} (HTTP ${status})`);
  }
}

/** The input of a tool calling `route`: its path params, query and body, each as the route validates them. */
export function routeInput(route: Route): z.ZodObject {
  const { params, query, body } = route.options;
  const shape: Record<string, z.ZodType> = {};
  if (route.path.params.length > 0) shape.params = params ?? route.path.schema();
  if (query) shape.query = query.safeParse({}).success ? query.optional() : query;
  if (body) shape.body = body.safeParse(undefined).success ? body.optional() : body;
  return z.object(shape);
}

/**
 * Headers of the MCP exchange itself, not the caller's: the route's request doesn't carry them (nor
 * `accept-encoding`: the answer is read in process, never compressed).
 */
const exchangeHeaders = [
  'accept',
  'accept-encoding',
  'content-length',
  'content-type',
  'last-event-id',
  'mcp-protocol-version',
  'mcp-session-id',
];

/**
 * The request calling `route` (its full path in the app) for a caller: its headers (the caller's token, cookies)
 * go along, so the app's middleware judges this call as it judges the caller's own requests.
 */
export function routeRequest(route: Route, parts: RouteParts, caller: Request): Request {
  const url = new URL(route.path.format(parts.params ?? {}), caller.url);
  for (const [name, value] of Object.entries(parts.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) url.searchParams.append(name, String(item));
    }
  }
  const headers = new Headers(caller.headers);
  for (const name of exchangeHeaders) headers.delete(name);
  headers.set('accept', 'application/json');
  const method = route.methods.find((candidate) => candidate !== 'HEAD') ?? 'GET';
  if (parts.body === undefined) return new Request(url, { method, headers });
  headers.set('content-type', 'application/json');
  return new Request(url, { method, headers, body: JSON.stringify(parts.body) });
}

/** A route's answer: its JSON (or text); a RouteCallError with its detail when it is an error. */
export async function routeAnswer(response: Response): Promise<unknown> {
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  const value: unknown = json && text !== '' ? JSON.parse(text) : text;
  if (response.ok) return value;
  throw new RouteCallError(response.status, isObject(value) && 'detail' in value ? value.detail : value);
}
