import { AccessTokenComponent, AuthenticationMiddleware, hasPermissions, JWT } from '@flama/auth';
import { App, type Route, resource, type SocketServer, StartupError, serveOnSocket } from '@flama/routing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { McpAuthorizationError, type McpAuthorize } from './authorization';
import { McpModule } from './mcp-module';
import { refusedCode } from './permission-guard';

const secret = new TextEncoder().encode('a secret of the MCP permission tests');
const tokens = new AccessTokenComponent({ secret, header: 'Authorization' });
/** What `flama`'s app.mcp does with the app's access-token component. */
const authorize: McpAuthorize = async (permissions, c) => hasPermissions(await tokens.read(c), permissions);

/** A notes resource whose purge route needs `notes:admin`, as any route guarded by the middleware. */
const notes = resource({ name: 'notes' }).post(
  '/purge/',
  { name: 'purge', meta: { permissions: ['notes:admin'] }, body: z.object({ older: z.int() }) },
  ({ body }) => ({ purged: body.older }),
);
const purge: Route = notes.routes[0]!.prefixed('/notes');

/** An app with the AuthenticationMiddleware, an MCP server with tools, resources and prompts guarded one by one. */
function notesApp(options: { authorize?: McpAuthorize } = {}): App {
  const app = new App({ components: [tokens], middleware: [new AuthenticationMiddleware(tokens)] });
  app.resources.addResource('/notes', notes);
  new McpModule(app, options)
    .addServer('/mcp/', { name: 'notes' })
    .tool('count', { input: z.object({}) }, () => ({ count: 2 }))
    .tool(
      'drop',
      { input: z.object({ table: z.string() }), meta: { permissions: ['notes:admin'] } },
      ({ table }) => ({ dropped: table }),
    )
    .routeTool('purge', purge)
    .resource('notes://secret', { meta: { permissions: ['notes:admin'] } }, () => 'the secret')
    .resource(
      'notes://{id}',
      { name: 'note', meta: { permissions: ['notes:read'] } },
      (_uri, { id }) => `note ${id}`,
    )
    .prompt('summarize', {}, () => 'Summarize the notes')
    .prompt('audit', { meta: { permissions: ['notes:admin'] } }, () => 'Audit the notes');
  return app;
}

const token = (permissions: string[], claims: Record<string, unknown> = {}) =>
  new JWT({ alg: 'HS256' }, { data: { user: 'ada', permissions }, ...claims }).encode(secret);

const text = (result: object) => (result as { content: { text: string }[] }).content[0]!.text;

let served: SocketServer;

async function connect(bearer?: string, url = served.url): Promise<Client> {
  const client = new Client({ name: 'test', version: '0.0.0' });
  const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
  await client.connect(
    new StreamableHTTPClientTransport(new URL('/mcp/', url), { requestInit: { headers } }),
  );
  return client;
}

beforeAll(async () => {
  served = await serveOnSocket(notesApp({ authorize }));
});

afterAll(async () => {
  await served.close();
});

describe('per-tool permissions (meta.permissions), checked with the caller’s JWT', () => {
  it('lists only what a caller without a token may use, and refuses the rest as error results', async () => {
    const client = await connect();
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['count']);
    expect((await client.callTool({ name: 'count', arguments: {} })).structuredContent).toEqual({ count: 2 });
    const refused = await client.callTool({ name: 'drop', arguments: { table: 'notes' } });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe('Tool drop is refused: Unauthorized (it needs notes:admin)');
    // Refused before its input is validated: a bad input tells nothing of the tool's schema.
    const badInput = await client.callTool({ name: 'drop', arguments: { table: 42 } });
    expect(text(badInput)).toBe('Tool drop is refused: Unauthorized (it needs notes:admin)');
    await client.close();
  });

  it('lets a token with the permission see and call the tool', async () => {
    const client = await connect(await token(['notes:admin']));
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['count', 'drop', 'purge']);
    const dropped = await client.callTool({ name: 'drop', arguments: { table: 'notes' } });
    expect(dropped).toMatchObject({ structuredContent: { dropped: 'notes' } });
    expect(dropped.isError).toBeFalsy();
    await client.close();
  });

  it('refuses a token without the permission, saying which it needs, and goes on serving', async () => {
    const client = await connect(await token(['notes:read']));
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['count']);
    const refused = await client.callTool({ name: 'drop', arguments: { table: 'notes' } });
    expect(text(refused)).toBe('Tool drop is refused: insufficient permissions (it needs notes:admin)');
    expect((await client.callTool({ name: 'count', arguments: {} })).structuredContent).toEqual({ count: 2 });
    await client.close();
  });

  it('refuses an expired token with the reason, as the middleware would', async () => {
    const expired = await token(['notes:admin'], { exp: Math.floor(Date.now() / 1000) - 3600 });
    const client = await connect(expired);
    const refused = await client.callTool({ name: 'drop', arguments: { table: 'notes' } });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/^Tool drop is refused: .*expired.* \(it needs notes:admin\)$/i);
    await client.close();
  });

  it('guards resources and prompts the same way: hidden, and a JSON-RPC error when asked for', async () => {
    const reader = await connect(await token(['notes:read']));
    expect((await reader.listResources()).resources).toEqual([]);
    expect((await reader.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'notes://{id}',
    ]);
    expect((await reader.readResource({ uri: 'notes://7' })).contents).toEqual([
      { uri: 'notes://7', mimeType: 'text/plain', text: 'note 7' },
    ]);
    await expect(reader.readResource({ uri: 'notes://secret' })).rejects.toMatchObject({
      code: refusedCode,
      message: expect.stringContaining('Resource notes://secret is refused: insufficient permissions'),
    });
    expect((await reader.listPrompts()).prompts.map((prompt) => prompt.name)).toEqual(['summarize']);
    await expect(reader.getPrompt({ name: 'audit' })).rejects.toMatchObject({ code: refusedCode });
    await reader.close();

    const admin = await connect(await token(['notes:admin']));
    expect((await admin.listResources()).resources.map((r) => r.uri)).toEqual(['notes://secret']);
    expect((await admin.readResource({ uri: 'notes://secret' })).contents).toMatchObject([
      { text: 'the secret' },
    ]);
    expect((await admin.listResourceTemplates()).resourceTemplates).toEqual([]);
    await expect(admin.readResource({ uri: 'notes://7' })).rejects.toMatchObject({ code: refusedCode });
    expect((await admin.getPrompt({ name: 'audit' })).messages).toHaveLength(1);
    await admin.close();
  });

  it('calls a route-backed tool through the app, which sees the caller’s token', async () => {
    const admin = await connect(await token(['notes:admin']));
    const purged = await admin.callTool({ name: 'purge', arguments: { body: { older: 30 } } });
    expect(purged.structuredContent).toEqual({ purged: 30 });
    const invalid = await admin.callTool({ name: 'purge', arguments: { body: { older: 'old' } } });
    expect(invalid.isError).toBe(true);
    await admin.close();
  });
});

describe('route-backed tools without an authorize', () => {
  let open: SocketServer;

  beforeAll(async () => {
    const app = new App({ components: [tokens], middleware: [new AuthenticationMiddleware(tokens)] });
    app.resources.addResource('/notes', notes);
    new McpModule(app).addServer('/mcp/', { name: 'notes' }).routeTool('purge', purge);
    open = await serveOnSocket(app);
  });

  afterAll(async () => {
    await open.close();
  });

  it('are listed, and the route’s middleware refuses the call, as an error result with its detail', async () => {
    const anonymous = await connect(undefined, open.url);
    expect((await anonymous.listTools()).tools.map((tool) => tool.name)).toEqual(['purge']);
    const unauthorized = await anonymous.callTool({ name: 'purge', arguments: { body: { older: 1 } } });
    expect(unauthorized).toMatchObject({ isError: true, content: [{ text: 'Unauthorized (HTTP 401)' }] });
    await anonymous.close();
    const reader = await connect(await token(['notes:read']), open.url);
    const forbidden = await reader.callTool({ name: 'purge', arguments: { body: { older: 1 } } });
    expect(forbidden).toMatchObject({
      isError: true,
      content: [{ text: 'Insufficient permissions (HTTP 403)' }],
    });
    await reader.close();
  });
});

describe('an MCP tool asking for permissions that nothing checks', () => {
  it('stops the app from starting, saying what to do', async () => {
    const app = new App();
    new McpModule(app)
      .addServer('/mcp/', { name: 'notes' })
      .tool('drop', { input: z.object({}), meta: { permissions: ['notes:admin'] } }, () => 'dropped');
    const failure = await app.startup().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as StartupError).cause).toBeInstanceOf(McpAuthorizationError);
    expect((failure as Error).message).toContain(
      'tool drop asks for the permissions notes:admin, and nothing checks them',
    );
  });
});
