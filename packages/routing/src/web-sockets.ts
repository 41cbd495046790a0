import type { Server } from 'node:http';
import { createNodeWebSocket } from '@hono/node-ws';
import type { Context, Hono } from 'hono';
import type { WSEvents } from 'hono/ws';
import { HTTPException } from './http-exception';

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

let serving: Fetch | undefined;

// One WebSocket server for the process: upgrade requests go through the served app's routes like any request.
const sockets = createNodeWebSocket({
  app: {
    request: (url: URL, init: RequestInit, env: unknown) => {
      if (!serving) throw new Error('WebSocket upgrade before acceptWebSockets() was called');
      return serving(new Request(url, init), env);
    },
  } as unknown as Hono, // only `request` is used, to route upgrade requests through the app
});

export interface WebSocketOptions {
  /** The largest message accepted, in bytes (default 1 MiB, as request bodies); a larger one closes with 1009. */
  maxMessageSize?: number;
}

/**
 * Lets a Node server accept WebSocket upgrades, routed through `fetch` to routes that answer with
 * `webSocket(c, events)`. The CLI does this for the app it serves.
 */
export function acceptWebSockets(server: Server, fetch: Fetch, options: WebSocketOptions = {}): void {
  serving = fetch;
  // ws reads maxPayload for each connection it upgrades; past it, it closes with 1009 (Message Too Big).
  sockets.wss.options.maxPayload = options.maxMessageSize ?? 1024 * 1024;
  sockets.injectWebSocket(server);
}

/**
 * Closes every open WebSocket with 1001 (Going Away), as a server does when it shuts down, and resolves
 * once they have all closed (a peer that never answers the close frame is cut by ws after 30 s).
 */
export function closeWebSockets(reason = 'Server shutting down'): Promise<void> {
  const open = [...sockets.wss.clients];
  return Promise.all(
    open.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === socket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close(1001, reason);
        }),
    ),
  ).then(() => undefined);
}

/**
 * Answers a GET route by upgrading the connection to a WebSocket with these events. A request that
 * is not an upgrade gets a 426. Inject hono's `Context` into the handler to call it.
 */
export async function webSocket(c: Context, events: WSEvents): Promise<Response> {
  const upgraded = await sockets.upgradeWebSocket(() => events)(c, async () => undefined);
  if (!upgraded)
    throw new HTTPException(426, 'Upgrade Required: connect with a WebSocket client.', {
      upgrade: 'websocket',
    });
  return upgraded;
}
