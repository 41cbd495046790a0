import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptWebSockets } from '@flama/routing';
import { getRequestListener } from '@hono/node-server';
import { answerClientErrors } from './client-errors';
import { ConnectionDrain } from './connection-drain';
import type { ServableApp } from './load-app';
import { serverLifecycle } from './server-lifecycle';
import { whileStarting } from './startup-signals';

export interface ServeOptions {
  host: string;
  port: number;
  /** Processes serving the port (node:cluster); 1 serves in this process. Used by the CLI's commands. */
  workers?: number;
  /** How long an idle keep-alive connection stays open, in seconds (default 5, as Node's). */
  keepAliveTimeout?: number;
  /** How long a shutdown waits for accepted requests before cutting them, in seconds (default 25). */
  shutdownTimeout?: number;
  /** With several workers, where the primary serves every worker's metrics together (needs @flama/metrics). */
  metricsPort?: number;
  /** Where the start-up lines go (stdout by default). */
  print?: (line: string) => void;
  /** Where the server says what it does later (shutting down, reloading): stdout by default. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  /** Shuts down gracefully (drain, answer what was accepted, close, then the app's shutdown). */
  close(): Promise<void>;
}

export const serveDefaults = { keepAliveTimeout: 5, shutdownTimeout: 25 } as const;

/**
 * Starts the app, then listens. SIGTERM and SIGINT shut down gracefully (see `serverLifecycle`; during startup,
 * once the app has started), SIGHUP reloads the app. Prints the URL (and the docs URL, if the app has docs) once it accepts connections.
 */
export async function serveApp(app: ServableApp, options: ServeOptions): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => console.log(line));
  const log = options.log ?? ((line: string) => console.log(line));
  const starting = whileStarting(log);
  let server: Server;
  let lifecycle: { close(): Promise<void> };
  try {
    await app.startup?.();
    if (starting.stopRequested) {
      await app.shutdown?.();
      process.exit(0);
    }
    server = createServer();
    keepAlive(server, options.keepAliveTimeout ?? serveDefaults.keepAliveTimeout);
    answerClientErrors(server);
    const drain = new ConnectionDrain(server, getRequestListener(app.fetch, { hostname: options.host }));
    const webSockets = acceptWebSockets(server, app.fetch);
    await listen(server, options).catch(async (error: unknown) => {
      await app.shutdown?.();
      throw error;
    });
    const shutdownTimeout = options.shutdownTimeout ?? serveDefaults.shutdownTimeout;
    lifecycle = serverLifecycle(app, drain, { shutdownTimeout, log, webSockets });
  } finally {
    starting.done();
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  // One write, so that whoever watches the output sees the docs line with the URL.
  print([`Flama is serving on ${url}`, ...(app.docsPath ? [`Docs: ${url}${app.docsPath}`] : [])].join('\n'));

  return { url, close: lifecycle.close };
}

function listen(server: Server, options: ServeOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} on ${options.host} is already in use.`)
          : error,
      ),
    );
    server.listen(options.port, options.host);
  });
}

/** Idle keep-alive connections stay open this long; headers may take a little longer, as Node requires. */
function keepAlive(server: Server, seconds: number): void {
  server.keepAliveTimeout = seconds * 1000;
  server.headersTimeout = Math.max(server.headersTimeout, server.keepAliveTimeout + 1000);
  if (server.requestTimeout > 0)
    server.requestTimeout = Math.max(server.requestTimeout, server.headersTimeout);
}
