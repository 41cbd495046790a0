import { App, resource, routeOf, type SocketServer, serveOnSocket } from '@flama/routing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { MiddlewareHandler } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { McpModule } from './mcp-module';

/** The outer app's guard: a route whose meta asks for permissions needs `Bearer admin`. */
const guard: MiddlewareHandler = async (c, next) => {
  if ((routeOf(c)?.meta.permissions ?? []).length === 0) return next();
  if (c.req.header('authorization') !== 'Bearer admin') return c.json({ detail: 'Missing token' }, 401);
  return next();
};

const notes = resource({ name: 'notes' }).post(
  '/purge/',
  { name: 'purge', meta: { permissions: ['notes:admin'] }, body: z.object({ older: z.int() }) },
  ({ body }) => ({ purged: body.older }),
);

let served: SocketServer;

beforeAll(async () => {
  const api = new App();
  api.resources.addResource('/notes', notes);
  const purge = notes.routes[0]!.prefixed('/notes');
  new McpModule(api).addServer('/mcp/', { name: 'notes' }).routeTool('purge', purge);
  const app = new App({ middleware: [guard] });
  app.mount('/api', api);
  served = await serveOnSocket(app);
});

afterAll(async () => {
  await served.close();
});

async function connect(headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'test', version: '0.0.0' });
  const url = new URL('/api/mcp/', served.url);
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
}

describe('an MCP server in a mounted app', () => {
  it('calls its route through the outer app, at the route’s path under the mount', async () => {
    const client = await connect({ authorization: 'Bearer admin' });
    const result = await client.callTool({ name: 'purge', arguments: { body: { older: 3 } } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent ?? JSON.parse((result.content as { text: string }[])[0]!.text)).toEqual({
      purged: 3,
    });
    await client.close();
  });

  it('is judged by the outer app’s middleware, as the caller’s own request would be', async () => {
    const client = await connect();
    const result = await client.callTool({ name: 'purge', arguments: { body: { older: 3 } } });
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toContain('Missing token (HTTP 401)');
    await client.close();
  });
});
