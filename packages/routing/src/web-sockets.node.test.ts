import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Context } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { App } from './app';
import { acceptWebSockets, type WebSockets, webSocket } from './web-sockets';

interface Served {
  app: App;
  server: Server;
  sockets: WebSockets;
  url: string;
}

/** An app whose socket route says which app answered, served over a real socket with its own WebSockets. */
async function served(name: string): Promise<Served> {
  const app = new App({ title: name });
  app.get('/ws/', { inject: { c: Context } }, ({ c }) =>
    webSocket(c, { onOpen: (_event, ws) => ws.send(name) }),
  );
  await app.startup();
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  const sockets = acceptWebSockets(server, app.fetch);
  return { app, server, sockets, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/` };
}

/** Connects and resolves with the socket and its first message. */
async function connect(url: string): Promise<{ socket: WebSocket; greeting: string }> {
  const socket = new WebSocket(url);
  const greeting = await new Promise<string>((resolve, reject) => {
    socket.once('message', (data) => resolve(String(data)));
    socket.once('error', reject);
  });
  return { socket, greeting };
}

const closed = (socket: WebSocket) =>
  new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

let first: Served;
let second: Served;

beforeAll(async () => {
  first = await served('first');
  second = await served('second');
});

afterAll(async () => {
  for (const { server, app } of [first, second]) {
    await new Promise((resolve) => server.close(resolve));
    await app.shutdown();
  }
});

describe('WebSockets of several apps in one process', () => {
  it('routes each server’s upgrades through its own app, whichever accepted last', async () => {
    const [a, b] = await Promise.all([connect(first.url), connect(second.url)]);
    expect([a.greeting, b.greeting]).toEqual(['first', 'second']);
    a.socket.close();
    b.socket.close();
  });

  it('closes only its own sockets, with 1001', async () => {
    const [a, b] = await Promise.all([connect(first.url), connect(second.url)]);
    const aClosed = closed(a.socket);
    await first.sockets.close();
    expect(await aClosed).toBe(1001);
    expect(b.socket.readyState).toBe(WebSocket.OPEN);
    const bClosed = closed(b.socket);
    b.socket.close();
    expect(await bClosed).toBe(1005);
  });

  it('answers a plain GET with 426, and an upgrade no server accepts with 501', async () => {
    const plain = await first.app.fetch(new Request('http://local/ws/'));
    expect(plain.status).toBe(426);
    const upgrade = await first.app.fetch(
      new Request('http://local/ws/', { headers: { upgrade: 'websocket' } }),
    );
    expect([upgrade.status, ((await upgrade.json()) as { detail: string }).detail]).toEqual([
      501,
      'WebSocket upgrade on a server that does not accept them: call acceptWebSockets(server, app.fetch) after serve(...) (flama run, serve and start do).',
    ]);
  });
});
