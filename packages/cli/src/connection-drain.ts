import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Watches a server's requests so that it can be drained: stop accepting, answer every request already
 * accepted (a body still uploading included) with `Connection: close`, close keep-alive connections as soon
 * as they are idle, and end event streams that only wait for news (GET `text/event-stream`: clients
 * reconnect elsewhere). Created with the server, before it listens, as its request listener.
 */
export class ConnectionDrain {
  private readonly open = new Set<ServerResponse>();
  private draining = false;

  /** Serves the server's requests with `handle`, watching each. */
  constructor(
    private readonly server: Server,
    handle: (request: IncomingMessage, response: ServerResponse) => unknown,
  ) {
    const open = this.open;
    // One listener shared by every response (no closure per request: this runs on the hot path).
    const answered = (response: ServerResponse) => {
      open.delete(response);
      // A response whose headers went out before the drain kept its connection alive: close it now it is idle.
      if (this.draining) setImmediate(() => this.server.closeIdleConnections());
    };
    function onClose(this: ServerResponse) {
      answered(this);
    }
    // One request listener that tracks, then handles (which may answer synchronously): the emitter's fast path.
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (this.draining) response.setHeader('connection', 'close');
      open.add(response);
      response.on('close', onClose);
      handle(request, response);
    });
  }

  /** Requests accepted and not answered yet. */
  get pending(): number {
    return this.open.size;
  }

  /**
   * Drains, resolving true once every connection has closed, or false when `timeoutMs` passed first (the
   * connections left are then cut). `alsoWaitFor` is more to finish meanwhile (closing WebSockets).
   */
  async drain(timeoutMs: number, alsoWaitFor: Promise<unknown> = Promise.resolve()): Promise<boolean> {
    this.draining = true;
    // Stops accepting, and closes the connections that are idle now.
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const response of this.open) {
      if (!response.headersSent) response.setHeader('connection', 'close');
      else if (isSubscription(response)) endStream(response);
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const inTime = await Promise.race([Promise.all([closed, alsoWaitFor]).then(() => true), deadline]);
    clearTimeout(timer);
    if (!inTime) this.server.closeAllConnections();
    return inTime;
  }
}

function isSubscription(response: ServerResponse): boolean {
  if (response.req.method !== 'GET') return false;
  // Headers given to writeHead() as an object (what @hono/node-server does) can't be read back with
  // getHeader(); Node keeps the head it sent as text in `_header`.
  const head = (response as unknown as { _header?: string | null })._header ?? '';
  return /^content-type:\s*text\/event-stream/im.test(head);
}

/** Ends a streaming response under its writer, which then stops reading (and cancels) the stream. */
function endStream(response: ServerResponse): void {
  // The writer may still write a chunk it was given: that write fails quietly instead of crashing.
  response.on('error', () => {});
  response.end();
}
