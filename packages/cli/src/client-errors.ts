import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { statusText } from '@flama/routing';

/** Node's parser errors, by code, as the status they deserve; any other is a 400. */
const statuses: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/**
 * Answers requests Node's HTTP parser refuses (headers or URL too large, NUL bytes, malformed framing) with
 * Flama's error body instead of Node's empty one: `{"status_code": 431, "detail": …, "error": "HTTPException"}`.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = statuses[error.code ?? ''] ?? 400;
    const body = JSON.stringify({ status_code: status, detail: statusText(status), error: 'HTTPException' });
    socket.end(
      `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
