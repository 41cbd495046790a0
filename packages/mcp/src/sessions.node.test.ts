import { App, type SocketServer, serveOnSocket } from '@flama/routing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { McpModule } from './mcp-module';
import type { McpServerBuilder } from './mcp-server';

/** A stateful server whose tool tells which HTTP request called it (each call is its own POST). */
function statefulApp(): { app: App; mcp: McpModule; server: McpServerBuilder } {
  const app = new App();
  const mcp = new McpModule(app);
  const server = mcp
    .addServer('/mcp/', { name: 'sessions', stateful: true })
    .tool('who', { input: z.object({}) }, (_input, { request }) => request.headers.get('x-call') ?? 'nobody');
  return { app, mcp, server };
}

async function connect(url: string, headers: Record<string, string> = {}) {
  const transport = new StreamableHTTPClientTransport(new URL('/mcp/', url), {
    requestInit: { headers },
    // The server ends streams when it shuts down: don't try them again.
    reconnectionOptions: {
      maxRetries: 0,
      initialReconnectionDelay: 1,
      maxReconnectionDelay: 1,
      reconnectionDelayGrowFactor: 1,
    },
  });
  const client = new Client({ name: 'test', version: '0.0.0' });
  await client.connect(transport);
  return { client, transport };
}

const accept = { accept: 'application/json, text/event-stream', 'content-type': 'application/json' };
const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
};

describe('a stateful MCP server', () => {
  let served: SocketServer;
  let server: McpServerBuilder;

  beforeAll(async () => {
    const made = statefulApp();
    server = made.server;
    served = await serveOnSocket(made.app);
  });

  afterAll(async () => {
    await served.close();
  });

  it('gives each client a session, and serves each of its requests with that request’s context', async () => {
    const first = await connect(served.url, { 'x-call': 'first' });
    const second = await connect(served.url, { 'x-call': 'second' });
    expect(first.transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.transport.sessionId).not.toBe(first.transport.sessionId);
    expect(server.openSessions).toBe(2);
    expect(await first.client.callTool({ name: 'who', arguments: {} })).toMatchObject({
      content: [{ text: 'first' }],
    });
    expect(await second.client.callTool({ name: 'who', arguments: {} })).toMatchObject({
      content: [{ text: 'second' }],
    });
    await first.transport.terminateSession();
    await second.transport.terminateSession();
    await Promise.all([first.client.close(), second.client.close()]);
    expect(server.openSessions).toBe(0);
  });

  it('answers 404 for a session it ended (the client starts a new one)', async () => {
    const { client, transport } = await connect(served.url);
    const id = transport.sessionId!;
    await transport.terminateSession();
    await client.close();
    const response = await fetch(`${served.url}/mcp/`, {
      method: 'POST',
      headers: { ...accept, 'mcp-session-id': id, 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: -32001, message: 'Session not found' } });
  });

  it('asks for a session id on anything but an initialize, and opens no session for it', async () => {
    const stream = await fetch(`${served.url}/mcp/`, { headers: { accept: 'text/event-stream' } });
    expect(stream.status).toBe(400);
    const call = await fetch(`${served.url}/mcp/`, {
      method: 'POST',
      headers: accept,
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(call.status).toBe(400);
    expect(server.openSessions).toBe(0);
  });
});

describe('a stateful MCP server shutting down', () => {
  it('ends its sessions and their streams, so the server closes', async () => {
    const { app, server } = statefulApp();
    const served = await serveOnSocket(app);
    const opened = await fetch(`${served.url}/mcp/`, {
      method: 'POST',
      headers: accept,
      body: JSON.stringify(initialize),
    });
    const session = {
      'mcp-session-id': opened.headers.get('mcp-session-id')!,
      'mcp-protocol-version': '2025-06-18',
    };
    await opened.text();
    const initialized = await fetch(`${served.url}/mcp/`, {
      method: 'POST',
      headers: { ...accept, ...session },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    });
    expect(initialized.status).toBe(202);
    const stream = await fetch(`${served.url}/mcp/`, {
      headers: { accept: 'text/event-stream', ...session },
    });
    expect([stream.status, stream.headers.get('content-type')]).toEqual([200, 'text/event-stream']);
    expect(server.openSessions).toBe(1);

    await app.shutdown();
    const reader = stream.body!.getReader();
    while (!(await reader.read()).done);
    expect(server.openSessions).toBe(0);
    // Nothing is left open: the server closes without cutting a connection.
    await served.close();
  });
});

describe('McpModule.singleProcess', () => {
  it('says why an app with a stateful server needs one process, and nothing for stateless ones', () => {
    const { app, mcp } = statefulApp();
    expect(mcp.singleProcess).toBe(
      'the MCP server at /mcp/ keeps its sessions in this process (stateful), ' +
        'and nothing routes a session’s requests back to the worker holding it',
    );
    expect(app.singleProcess).toBe(mcp.singleProcess);
    const stateless = new App();
    new McpModule(stateless).addServer('/mcp/', { name: 'stateless' });
    expect(stateless.singleProcess).toBeUndefined();
  });
});
