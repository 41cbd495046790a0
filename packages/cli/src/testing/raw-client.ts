import { connect } from 'node:net';

export interface RawConnection {
  send(text: string): void;
  /** Resolves once what was received contains `text` (everything received so far). */
  received(text: string): Promise<string>;
  /** Resolves with everything received once the server has closed the connection. */
  closed: Promise<string>;
}

/** A TCP connection to the server at `url`, to write HTTP by hand: half a body, a request in pieces. */
export function rawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.setEncoding('latin1');
  let data = '';
  const waiting: { text: string; resolve: (data: string) => void }[] = [];
  socket.on('data', (chunk: string) => {
    data += chunk;
    for (const wait of waiting.filter((wait) => data.includes(wait.text))) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve(data);
    }
  });
  socket.on('error', () => {});
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(data)));
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        send: (text) => socket.write(text, 'latin1'),
        received: (text) =>
          data.includes(text)
            ? Promise.resolve(data)
            : new Promise((done) => waiting.push({ text, resolve: done })),
        closed,
      }),
    );
  });
}

/** The start of a POST of `length` bytes to `path`: send the body later, in as many pieces as you like. */
export const postHeaders = (path: string, length: number) =>
  `POST ${path} HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\n\r\n`;

/** A WebSocket handshake (the key is any 16 bytes, base64). */
export const upgradeRequest = (path: string) =>
  `GET ${path} HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';

/** A close frame with code 1001 as a client sends it (masked, with a zero mask). */
export const clientCloseFrame = '\x88\x82\x00\x00\x00\x00\x03\xe9';
