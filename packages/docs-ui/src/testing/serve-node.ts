import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type FetchHandler = (request: Request) => Response | undefined;

function toRequest(incoming: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return new Request(new URL(incoming.url ?? '/', origin), { method: incoming.method ?? 'GET', headers });
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves a fetch-style handler on 127.0.0.1 at a random port; what it leaves unanswered is a 404. */
export async function serveOnLoopback(handler: FetchHandler): Promise<RunningServer> {
  let origin = '';
  const server: Server = createServer((incoming, outgoing) => {
    const response = handler(toRequest(incoming, origin)) ?? new Response('Not Found', { status: 404 });
    send(response, outgoing).catch(() => outgoing.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no TCP address');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
