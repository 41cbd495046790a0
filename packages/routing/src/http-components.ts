import { type Component, component, Token } from '@flama/injection';
import { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { IncomingHeaders } from './incoming-headers';
import { nodeIncoming } from './node-incoming';

/** The route's typed path params, as converted from the template (`{id:int}` gives a number). */
export const PathParams = new Token<Record<string, string | number>>('PathParams');
/** The request's cookies by name. */
export const Cookies = new Token<Record<string, string>>('Cookies');
/** The request's parsed JSON body (read once per request, within the body limit). */
export const Body = new Token<unknown>('Body');
/**
 * The request's JSON body unparsed: its bytes, after the same checks as `Body` (415, 413), `undefined` when
 * empty. A route that injects it parses and validates its body itself (`parseJsonBody`, then its schema): its
 * `body` schema then only documents it.
 */
export const JsonBytes = new Token<Uint8Array | undefined>('JsonBytes');

/** On Node, the headers Node parsed (no web Headers built per request); elsewhere the request's. */
function requestHeaders(c: Context): Headers {
  const incoming = nodeIncoming(c);
  // An IncomingHeaders is a Headers at run time (a subclass); only Node's typings disagree.
  return incoming ? (new IncomingHeaders(incoming) as unknown as Headers) : c.req.raw.headers;
}

/** The global `Request` as this module loaded: @hono/node-server replaces the global when it first serves. */
const loadedRequest = Request;

/**
 * Components every app provides; an app's own components override them. `Request` is provided under the
 * class that was global when this module loaded and under the one global now, which differ once
 * @hono/node-server has served in this process: a handler injects whichever its module saw.
 */
export function httpComponents(): Component<unknown, Context>[] {
  const requests = new Set([loadedRequest, globalThis.Request]);
  return [
    ...common,
    ...[...requests].map((provides) => component({ provides, resolve: (_deps, c: Context) => c.req.raw })),
  ];
}

const common: Component<unknown, Context>[] = [
  component({ provides: Context, resolve: (_deps, c: Context) => c }),
  component({ provides: Headers, resolve: (_deps, c: Context) => requestHeaders(c) }),
  component({ provides: URLSearchParams, resolve: (_deps, c: Context) => new URL(c.req.url).searchParams }),
  component({ provides: Cookies, resolve: (_deps, c: Context) => getCookie(c) }),
];
