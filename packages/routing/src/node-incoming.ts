import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { onNode } from './runtime';

/**
 * Node's own request, when @hono/node-server serves the app (`c.env.incoming`): the one place the Node fast
 * paths (parsed headers, the body stream) look for it. Undefined on other servers, and always on other runtimes,
 * where `c.env` is something else (a Worker's bindings may well hold one named `incoming`).
 */
export function nodeIncoming(c: Context): IncomingMessage | undefined {
  return onNode ? (c.env as { incoming?: IncomingMessage } | undefined)?.incoming : undefined;
}

/**
 * A request header by its lower-case name: from Node's parsed headers when there are some (asking the Fetch
 * `Request` would first build a whole `Headers` object), else from the request's.
 */
export function requestHeader(c: Context, name: string): string | null {
  const incoming = nodeIncoming(c);
  if (!incoming) return c.req.raw.headers.get(name);
  const value = incoming.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
}
