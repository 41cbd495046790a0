import { AccessToken, AccessTokenComponent, AuthenticationMiddleware, JWT } from '@flama/auth';
import { App, type SocketServer, serveOnSocket } from '@flama/routing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { McpModule } from './mcp-module';

const secret = new Uint8Array(16);
let served: SocketServer;
let base = '';

beforeAll(async () => {
  const tokens = new AccessTokenComponent({ secret, header: 'Authorization' });
  const app = new App({ components: [tokens], middleware: [new AuthenticationMiddleware(tokens)] });
  new McpModule(app)
    .addServer('/mcp/', { name: 'guarded', meta: { permissions: ['mcp'] }, inject: { token: AccessToken } })
    .tool('whoami', { input: z.object({}) }, (_input, { token }) => ({ user: token.data.user }));
  served = await serveOnSocket(app);
  base = served.url;
});

afterAll(async () => {
  await served.close();
});

async function connect(token?: string): Promise<Client> {
  const client = new Client({ name: 'test', version: '0.0.0' });
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  await client.connect(
    new StreamableHTTPClientTransport(new URL('/mcp/', base), { requestInit: { headers } }),
  );
  return client;
}

const token = (permissions: string[]) =>
  new JWT({ alg: 'HS256' }, { data: { user: 'ada', permissions } }).encode(secret);

describe('an MCP server behind the AuthenticationMiddleware', () => {
  it('refuses a client without a token (401) or without the permission (403)', async () => {
    await expect(connect()).rejects.toMatchObject({ code: 401 });
    await expect(connect(await token(['other']))).rejects.toMatchObject({ code: 403 });
  });

  it("serves a client whose token has the permission; tools get the request's token component", async () => {
    const client = await connect(await token(['mcp']));
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect(result.structuredContent).toEqual({ user: 'ada' });
    await client.close();
  });
});
