import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { createNodeWebSocket } from '@hono/node-ws';
import type { Context, Hono } from 'hono';
import type { WSEvents } from 'hono/ws';
import { HTTPException } from './http-exception';
import { requireNode } from './node-only';
import { currentRuntime, runtimeName } from './runtime';

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;
type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
type NodeWebSocket = ReturnType<typeof createNodeWebSocket>;

/** Set on `c.env` of the upgrade requests a `WebSockets` routes through its app: how `webSocket()` finds it. */
const acceptedBy = Symbol('flama.webSockets');

export interface WebSocketOptions {
  /** The largest message accepted, in bytes (default 1 MiB, as request bodies); a larger one closes with 1009. */
  maxMessageSize?: number;
}

/** A route answered with `webSocket()` got an upgrade request that no `WebSockets` accepts. */
export class WebSocketsUnavailableError extends HTTPException {
  override name = 'WebSocketsUnavailableError';

  constructor() {
    const runtime = currentRuntime();
    super(
      501,
      runtime === 'node'
        ? 'WebSocket upgrade on a server that does not accept them: call acceptWebSockets(server, app.fetch) ' +
            'after serve(...) (flama run, serve and start do).'
        : `WebSockets are served on Node.js only (acceptWebSockets on a node:http server), and this is ${runtimeName(runtime)}.`,
    );
  }
}

/**
 * The WebSockets of one served app: routes its Node server's upgrade requests through the app's `fetch` to the
 * routes that answer with `webSocket(c, events)`, and closes them when the server shuts down. `ws` loads with
 * the first upgrade, so an app that serves none never loads it.
 */
export class WebSockets {
  readonly #fetch: Fetch;
  readonly #maxPayload: number;
  #loading: Promise<{ sockets: NodeWebSocket; upgrade: UpgradeListener }> | undefined;

  constructor(fetch: Fetch, options: WebSocketOptions = {}) {
    this.#fetch = fetch;
    this.#maxPayload = options.maxMessageSize ?? 1024 * 1024;
  }

  /** Accepts `server`'s upgrade requests from now on. */
  attach(server: Server): this {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.#load().then(
        ({ upgrade }) => upgrade(request, socket, head),
        () => socket.destroy(),
      );
    });
    return this;
  }

  /** Upgrades the request of a route (one this accepted); undefined when it is not an upgrade request. */
  async upgrade(c: Context, events: WSEvents): Promise<Response | undefined> {
    const { sockets } = await this.#load();
    // hono's helper answers nothing (void) when the request is no upgrade.
    return (await sockets.upgradeWebSocket(() => events)(c, async () => undefined)) || undefined;
  }

  /**
   * Closes every open WebSocket with 1001 (Going Away), as a server does when it shuts down, and resolves once
   * they have all closed (a peer that never answers the close frame is cut by ws after 30 s).
   */
  async close(reason = 'Server shutting down'): Promise<void> {
    if (!this.#loading) return;
    const { sockets } = await this.#loading;
    await Promise.all(
      [...sockets.wss.clients].map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) return resolve();
            socket.once('close', () => resolve());
            socket.close(1001, reason);
          }),
      ),
    );
  }

  #load(): Promise<{ sockets: NodeWebSocket; upgrade: UpgradeListener }> {
    this.#loading ??= import('@hono/node-ws').then(({ createNodeWebSocket }) => {
      const sockets = createNodeWebSocket({
        app: {
          // The same env object goes on: @hono/node-ws reads back what its upgrade helper set on it.
          request: (url: URL, init: RequestInit, env: Record<symbol, unknown>) => {
            env[acceptedBy] = this;
            return this.#fetch(new Request(url, init), env);
          },
        } as unknown as Hono, // only `request` is used, to route upgrade requests through the app
      });
      // ws reads maxPayload for each connection it upgrades; past it, it closes with 1009 (Message Too Big).
      sockets.wss.options.maxPayload = this.#maxPayload;
      // @hono/node-ws registers its upgrade listener on what it is given: keep it, to call once ws is loaded.
      let upgrade: UpgradeListener | undefined;
      sockets.injectWebSocket({
        on: (_event: 'upgrade', listener: UpgradeListener) => {
          upgrade = listener;
        },
      } as unknown as Server);
      return { sockets, upgrade: upgrade! };
    });
    return this.#loading;
  }
}

/**
 * Lets a Node server accept WebSocket upgrades, routed through `fetch` to routes that answer with
 * `webSocket(c, events)`. The CLI does this for the app it serves; `close()` on what it returns closes them.
 */
export function acceptWebSockets(server: Server, fetch: Fetch, options: WebSocketOptions = {}): WebSockets {
  requireNode(
    'acceptWebSockets (WebSockets are served with @hono/node-ws on a node:http server)',
    'WebSocket routes answer 501 here; serve them from Node.',
  );
  return new WebSockets(fetch, options).attach(server);
}

/**
 * Answers a GET route by upgrading the connection to a WebSocket with these events. A request that
 * is not an upgrade gets a 426. Inject hono's `Context` into the handler to call it.
 */
export async function webSocket(c: Context, events: WSEvents): Promise<Response> {
  const sockets = (c.env as Record<symbol, WebSockets | undefined> | undefined)?.[acceptedBy];
  const wantsUpgrade = c.req.header('upgrade')?.toLowerCase() === 'websocket';
  if (!sockets && wantsUpgrade) throw new WebSocketsUnavailableError();
  const upgraded = sockets && (await sockets.upgrade(c, events));
  if (!upgraded)
    throw new HTTPException(426, 'Upgrade Required: connect with a WebSocket client.', {
      upgrade: 'websocket',
    });
  return upgraded;
}
