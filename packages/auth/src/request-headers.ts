import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { headers: Record<string, string | string[] | undefined> };
}

/**
 * A request header by its lower-case name. Served by @hono/node-server, it is read from Node's own parsed
 * headers (`c.env.incoming`): asking the Fetch `Request` would first build a whole `Headers` object, the
 * costliest part of reading a token there.
 */
export function requestHeader(c: Context, name: string): string | null {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (!incoming) return c.req.raw.headers.get(name);
  const value = incoming.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
}
