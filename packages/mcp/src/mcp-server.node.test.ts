import { App, routeOf, type SocketServer, serveOnSocket } from '@flama/routing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { MiddlewareHandler } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { McpModule } from './mcp-module';

/** Stands in for the AuthenticationMiddleware: a route whose meta asks for permissions needs a bearer token. */
const guard: MiddlewareHandler = async (c, next) => {
  const permissions = routeOf(c)?.meta.permissions ?? [];
  if (permissions.length === 0) return next();
  if (c.req.header('authorization') !== 'Bearer admin') return c.json({ detail: 'Missing token' }, 401);
  return next();
};

let served: SocketServer;
let base: string;

beforeAll(async () => {
  const app = new App({ middleware: [guard] });
  const mcp = new McpModule(app);
  mcp
    .addServer('/mcp/', { name: 'calc', version: '1.2.3', instructions: 'Adds numbers.' })
    .tool(
      'add',
      {
        description: 'Adds two numbers',
        input: z.object({ a: z.number(), b: z.number() }),
        output: z.object({ sum: z.number() }),
      },
      ({ a, b }) => ({ sum: a + b }),
    )
    .tool(
      'echo-header',
      { input: z.object({}) },
      (_input, { request }) => request.headers.get('x-who') ?? 'nobody',
    )
    .tool('fail', { input: z.object({}) }, () => {
      throw new Error('the handler broke');
    })
    .resource('config://app', { description: 'The app config', mimeType: 'application/json' }, () => ({
      mode: 'test',
    }))
    .resource('notes://{id}', { name: 'note' }, (_uri, { id }) => `note ${id}`)
    .prompt(
      'greet',
      { description: 'Greets', args: z.object({ who: z.string() }) },
      ({ who }) => `Say hi to ${who}`,
    );
  mcp
    .addServer('/admin/mcp', { name: 'admin', meta: { permissions: ['admin'] } })
    .tool('secret', { input: z.object({}) }, () => ({ secret: 42 }));
  served = await serveOnSocket(app);
  base = served.url;
});

afterAll(async () => {
  await served.close();
});

async function connect(path: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(path, base), { requestInit: { headers } }));
  return client;
}

describe('an MCP server served by the app', () => {
  it('initializes with the server name, version and instructions', async () => {
    const client = await connect('/mcp/');
    expect(client.getServerVersion()).toMatchObject({ name: 'calc', version: '1.2.3' });
    expect(client.getInstructions()).toBe('Adds numbers.');
    await client.close();
  });

  it('lists tools with their JSON Schemas', async () => {
    const client = await connect('/mcp/');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['add', 'echo-header', 'fail']);
    const add = tools[0]!;
    expect(add.description).toBe('Adds two numbers');
    expect(add.inputSchema).toMatchObject({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    });
    expect(add.outputSchema).toMatchObject({ type: 'object', properties: { sum: { type: 'number' } } });
    await client.close();
  });

  it('calls a tool: structured content and JSON text', async () => {
    const client = await connect('/mcp');
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ sum: 5 });
    expect(result.content).toEqual([{ type: 'text', text: '{"sum":5}' }]);
    await client.close();
  });

  it('hands the MCP HTTP request to handlers', async () => {
    const client = await connect('/mcp/', { 'x-who': 'alice' });
    const result = await client.callTool({ name: 'echo-header', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'alice' }]);
    await client.close();
  });

  it('answers a bad input with an error result saying what is wrong', async () => {
    const client = await connect('/mcp/');
    const result = await client.callTool({ name: 'add', arguments: { a: 'two', b: 3 } });
    expect(result.isError).toBe(true);
    const text = (result.content as { text: string }[])[0]!.text;
    expect(text).toContain('a');
    expect(text.toLowerCase()).toContain('number');
    await client.close();
  });

  it("turns a handler's thrown error into an error result, and keeps serving", async () => {
    const client = await connect('/mcp/');
    const result = await client.callTool({ name: 'fail', arguments: {} });
    expect(result).toMatchObject({ isError: true, content: [{ type: 'text', text: 'the handler broke' }] });
    const again = await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } });
    expect(again.structuredContent).toEqual({ sum: 2 });
    await client.close();
  });

  it('reads resources, fixed and templated', async () => {
    const client = await connect('/mcp/');
    const { resources } = await client.listResources();
    expect(resources).toEqual([
      expect.objectContaining({
        uri: 'config://app',
        description: 'The app config',
        mimeType: 'application/json',
      }),
    ]);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates).toEqual([
      expect.objectContaining({ uriTemplate: 'notes://{id}', name: 'note' }),
    ]);
    const config = await client.readResource({ uri: 'config://app' });
    expect(config.contents).toEqual([
      { uri: 'config://app', mimeType: 'application/json', text: '{"mode":"test"}' },
    ]);
    const note = await client.readResource({ uri: 'notes://7' });
    expect(note.contents).toEqual([{ uri: 'notes://7', mimeType: 'text/plain', text: 'note 7' }]);
    await client.close();
  });

  it('gets a prompt with its arguments', async () => {
    const client = await connect('/mcp/');
    const { prompts } = await client.listPrompts();
    expect(prompts).toEqual([
      expect.objectContaining({
        name: 'greet',
        arguments: [expect.objectContaining({ name: 'who', required: true })],
      }),
    ]);
    const prompt = await client.getPrompt({ name: 'greet', arguments: { who: 'Bob' } });
    expect(prompt.messages).toEqual([{ role: 'user', content: { type: 'text', text: 'Say hi to Bob' } }]);
    await client.close();
  });

  it('answers GET (no server-sent stream when stateless) with 405', async () => {
    const response = await fetch(`${base}/mcp/`, { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe("an MCP server's permissions", () => {
  it('are guarded by app middleware: 401 without a token', async () => {
    await expect(connect('/admin/mcp')).rejects.toMatchObject({ code: 401 });
    const response = await fetch(`${base}/admin/mcp/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
  });

  it('let a client with a token in', async () => {
    const client = await connect('/admin/mcp', { authorization: 'Bearer admin' });
    const result = await client.callTool({ name: 'secret', arguments: {} });
    expect(result.structuredContent).toEqual({ secret: 42 });
    await client.close();
  });
});
