import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireNode } from './node-only';
import type { Servable } from './servable';

export interface SocketServer extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly server: Server;
  /** Closes the server, then shuts the app down. */
  close(): Promise<void>;
}

/**
 * Starts an app and serves it with @hono/node-server on 127.0.0.1 at a free port, for tests over a real
 * socket (`testClient` drives the app in process instead).
 */
export async function serveOnSocket(app: Pick<Servable, 'fetch'> & Partial<Servable>): Promise<SocketServer> {
  requireNode(
    'serveOnSocket (it serves with @hono/node-server)',
    "serve app.fetch with this runtime's own server (Bun.serve, Deno.serve, a Worker's fetch).",
  );
  await app.startup?.();
  // Node-only, so loaded here: importing @flama/routing stays free of it on other runtimes.
  const { serve } = await import('@hono/node-server');
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  const close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await app.shutdown?.();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close,
    [Symbol.asyncDispose]: close,
  };
}
