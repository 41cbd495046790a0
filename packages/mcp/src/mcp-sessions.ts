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

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id: null }, { status });
}

/**
 * The sessions of a stateful MCP server, in this process: a session starts with an `initialize` POST, which
 * gets an `Mcp-Session-Id`; the client's later requests (POST, the GET stream of its notifications, the DELETE
 * that ends it) go to that session's server and transport. `closeAll()` ends every session and its streams.
 */
export class McpSessions {
  private readonly open = new Map<string, Connection>();

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
      return session
        ? session.transport.handleRequest(request)
        : jsonRpcError(404, -32001, 'Session not found');
    }
    if (request.method !== 'POST')
      return jsonRpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required');
    const opened: { connection?: Connection } = {};
    const connection = await connect({
      sessionIdGenerator: () => crypto.randomUUID(),
      onsessioninitialized: (sessionId) => {
        if (opened.connection) this.open.set(sessionId, opened.connection);
      },
      onsessionclosed: (sessionId) => {
        this.open.delete(sessionId);
      },
    });
    opened.connection = connection;
    const response = await connection.transport.handleRequest(request);
    // Anything but an initialize (refused by the transport) opened no session: nothing to keep.
    if (connection.transport.sessionId === undefined) await connection.server.close();
    return response;
  }

  /** Ends every session: their streams close and their ids are unknown from now on. */
  async closeAll(): Promise<void> {
    const sessions = [...this.open.values()];
    this.open.clear();
    await Promise.all(sessions.map((session) => session.server.close()));
  }
}
