import { App } from '@flama/routing';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  WebStandardStreamableHTTPServerTransport,
  type WebStandardStreamableHTTPServerTransportOptions,
} from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { describe, expect, it } from 'vitest';
import { McpModule } from './mcp-module';
import { type Connection, McpSessions } from './mcp-sessions';

const minute = 60_000;
const url = 'http://mcp.test/mcp/';
const accept = { accept: 'application/json, text/event-stream', 'content-type': 'application/json' };

async function connect(options: WebStandardStreamableHTTPServerTransportOptions): Promise<Connection> {
  const server = new McpServer({ name: 'idle', version: '0.0.0' });
  const transport = new WebStandardStreamableHTTPServerTransport(options);
  await server.connect(transport);
  return { server, transport };
}

/** Sessions on a clock the test steps: nothing here waits for time to pass. */
function sessionsAt(idleTimeout: number | false) {
  const clock = { now: 0 };
  const sessions = new McpSessions({ idleTimeout, now: () => clock.now });
  const send = (headers: Record<string, string>, init: RequestInit = {}) =>
    sessions.handle(new Request(url, { ...init, headers: { ...accept, ...headers } }), connect);
  return { clock, sessions, send };
}

/** Initializes a session as a client does: the id, and the headers its later requests carry. */
async function open(send: ReturnType<typeof sessionsAt>['send']) {
  const initialize = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
  };
  const opened = await send({}, { method: 'POST', body: JSON.stringify(initialize) });
  await opened.text();
  const session = {
    'mcp-session-id': opened.headers.get('mcp-session-id')!,
    'mcp-protocol-version': '2025-06-18',
  };
  const initialized = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });
  expect((await send(session, { method: 'POST', body: initialized })).status).toBe(202);
  return session;
}

const ping = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' });

describe('idle MCP sessions', () => {
  it('end, with their stream, once no request came for the idle timeout; the next request is a 404', async () => {
    const { clock, sessions, send } = sessionsAt(30 * minute);
    const session = await open(send);
    const stream = await send({ ...session, accept: 'text/event-stream' });
    expect([stream.status, stream.headers.get('content-type')]).toEqual([200, 'text/event-stream']);

    clock.now = 30 * minute - 1;
    await sessions.closeIdle();
    expect(sessions.size).toBe(1);

    clock.now = 30 * minute;
    await sessions.closeIdle();
    expect(sessions.size).toBe(0);
    const reader = stream.body!.getReader();
    while (!(await reader.read()).done);
    const late = await send(session, { method: 'POST', body: ping(2) });
    expect(late.status).toBe(404);
    expect(await late.json()).toMatchObject({ error: { code: -32001, message: 'Session not found' } });
  });

  it('count from each session’s last request, so a client that keeps asking keeps its session', async () => {
    const { clock, sessions, send } = sessionsAt(30 * minute);
    const busy = await open(send);
    const quiet = await open(send);
    clock.now = 20 * minute;
    expect((await send(busy, { method: 'POST', body: ping(2) })).status).toBe(200);

    clock.now = 40 * minute;
    await sessions.closeIdle();
    expect(sessions.size).toBe(1);
    expect((await send(quiet, { method: 'POST', body: ping(3) })).status).toBe(404);
    expect((await send(busy, { method: 'POST', body: ping(4) })).status).toBe(200);
    await sessions.closeAll();
  });

  it('last until their DELETE or shutdown with no idle timeout', async () => {
    const { clock, sessions, send } = sessionsAt(false);
    const session = await open(send);
    clock.now = 365 * 24 * 60 * minute;
    await sessions.closeIdle();
    expect((await send(session, { method: 'POST', body: ping(2) })).status).toBe(200);
    await sessions.closeAll();
    expect(sessions.size).toBe(0);
  });
});

describe('sessionIdleTimeout', () => {
  it('is a positive number of milliseconds or false, else the server is refused as it is added', () => {
    const mcp = new McpModule(new App());
    mcp.addServer('/a/', { name: 'a', stateful: true, sessionIdleTimeout: 5 * minute });
    mcp.addServer('/b/', { name: 'b', stateful: true, sessionIdleTimeout: false });
    for (const wrong of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => mcp.addServer('/c/', { name: 'c', stateful: true, sessionIdleTimeout: wrong })).toThrow(
        `MCP server c: sessionIdleTimeout is milliseconds (e.g. 1800000 for 30 minutes) or false for no timeout, not ${wrong}.`,
      );
    }
  });
});
