import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptWebSockets } from '@flama/routing';
import { serve as serveNode } from '@hono/node-server';
import type { ServableApp } from './load-app';

export interface ServeOptions {
  host: string;
  port: number;
  /** Where start-up lines go (stdout by default). */
  print?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the app, then listens. SIGINT and SIGTERM close the server and run the app's shutdown.
 * Prints the URL (and the docs URL, if the app has docs) once it accepts connections.
 */
export async function serveApp(app: ServableApp, options: ServeOptions): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => console.log(line));
  await app.startup?.();
  const server = serveNode({ fetch: app.fetch, hostname: options.host, port: options.port });
  acceptWebSockets(server as Server, app.fetch);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await app.shutdown?.();
    throw error.code === 'EADDRINUSE'
      ? new Error(`Port ${options.port} on ${options.host} is already in use.`)
      : error;
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => server.close(() => resolve())).then(() => app.shutdown?.());
    return closing;
  };
  const onSignal = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    void close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  // One write, so that whoever watches the output sees the docs line with the URL.
  print([`Flama is serving on ${url}`, ...(app.docsPath ? [`Docs: ${url}${app.docsPath}`] : [])].join('\n'));

  return { url, close };
}
