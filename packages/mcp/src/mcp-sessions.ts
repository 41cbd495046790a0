import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type {
  WebStandardStreamableHTTPServerTransport,
  WebStandardStreamableHTTPServerTransportOptions,
} from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

/** An SDK server connected to its transport: one per stateless request, one per session when stateful. */
export interface Connection {
  readonly server: McpServer;
  readonly transport: WebStandardStreamableHTTPServerTransport;
}

/** How long a session lasts without a request, unless told otherwise: 30 minutes. */
export const DEFAULT_SESSION_IDLE_TIMEOUT = 30 * 60_000;
/** Idle sessions are looked for this often at most, so a session ends at most a minute late. */
const MAX_SWEEP_INTERVAL = 60_000;

export interface McpSessionsOptions {
  /** Milliseconds after a session's last request when it ends; `false`: only its DELETE or `closeAll` end it. */
  idleTimeout: number | false;
  /** The clock, in milliseconds: tests step their own. */
  now?: () => number;
}

interface Session extends Connection {
  /** When its last request came. */
  seen: number;
}

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id: null }, { status });
}

/**
 * The sessions of a stateful MCP server, in this process: a session starts with an `initialize` POST, which
 * gets an `Mcp-Session-Id`; the client's later requests (POST, the GET stream of its notifications, the DELETE
 * that ends it) go to that session's server and transport. A session without a request for `idleTimeout` ends
 * with its streams (a client that vanished sends no DELETE); `closeAll()` ends every session.
 */
export class McpSessions {
  private readonly open = new Map<string, Session>();
  private readonly idleTimeout: number | false;
  private readonly now: () => number;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(options: McpSessionsOptions) {
    this.idleTimeout = options.idleTimeout;
    this.now = options.now ?? Date.now;
  }

  /** Sessions open now. */
  get size(): number {
    return this.open.size;
  }

  async handle(
    request: Request,
    connect: (options: WebStandardStreamableHTTPServerTransportOptions) => Promise<Connection>,
  ): Promise<Response> {
    const id = request.headers.get('mcp-session-id');
    if (id !== null) {
      const session = this.open.get(id);
      // 404 tells the client to start a new session (the MCP spec's answer to an unknown or ended one).
      if (!session) return jsonRpcError(404, -32001, 'Session not found');
      session.seen = this.now();
      return session.transport.handleRequest(request);
    }
    if (request.method !== 'POST')
      return jsonRpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required');
    const opened: { connection?: Connection } = {};
    const connection = await connect({
      sessionIdGenerator: () => crypto.randomUUID(),
      onsessioninitialized: (sessionId) => {
        if (opened.connection) this.add(sessionId, opened.connection);
      },
      onsessionclosed: (sessionId) => {
        this.remove(sessionId);
      },
    });
    opened.connection = connection;
    const response = await connection.transport.handleRequest(request);
    // Anything but an initialize (refused by the transport) opened no session: nothing to keep.
    if (connection.transport.sessionId === undefined) await connection.server.close();
    return response;
  }

  /** Ends the sessions without a request for `idleTimeout`, and their streams: their ids are unknown from now on. */
  async closeIdle(): Promise<void> {
    if (this.idleTimeout === false) return;
    const since = this.now() - this.idleTimeout;
    const idle = [...this.open].filter(([, session]) => session.seen <= since);
    for (const [id] of idle) this.remove(id);
    await Promise.all(idle.map(([, session]) => session.server.close()));
  }

  /** Ends every session: their streams close and their ids are unknown from now on. */
  async closeAll(): Promise<void> {
    const sessions = [...this.open.values()];
    this.open.clear();
    this.stopSweeping();
    await Promise.all(sessions.map((session) => session.server.close()));
  }

  private add(id: string, connection: Connection): void {
    this.open.set(id, { ...connection, seen: this.now() });
    if (this.idleTimeout === false || this.sweeper) return;
    const every = Math.min(this.idleTimeout, MAX_SWEEP_INTERVAL);
    // Unref'd: looking for idle sessions never keeps the process alive.
    this.sweeper = setInterval(() => {
      this.closeIdle().catch((error: unknown) =>
        console.error('Idle MCP sessions were not all ended:', error),
      );
    }, every).unref();
  }

  private remove(id: string): void {
    this.open.delete(id);
    if (this.open.size === 0) this.stopSweeping();
  }

  private stopSweeping(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
