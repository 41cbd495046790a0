import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ServingCli, serveCli } from './testing/cli-process';

let cli: ServingCli;

beforeAll(async () => {
  cli = await serveCli([
    'run',
    fileURLToPath(new URL('./testing/fixture-app.ts', import.meta.url)),
    '--server-port',
    '0',
  ]);
});
afterAll(() => cli.stop('SIGKILL'));

/** Writes raw bytes (what fetch won't send) and reads the whole answer. */
function raw(bytes: string): Promise<string> {
  const { port } = new URL(cli.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket
      .setEncoding('utf8')
      .on('data', (chunk) => (answer += chunk))
      .on('end', () => resolve(answer))
      .on('error', reject);
  });
}

it.each([
  [
    'headers too large',
    `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
    431,
    'Request Header Fields Too Large',
  ],
  [
    'a URL too large',
    `GET /${'a'.repeat(17 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    431,
    'Request Header Fields Too Large',
  ],
  ['a NUL byte in a header', 'GET / HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n', 400, 'Bad Request'],
])('answers %s with Flama’s error body, not an empty one', async (_case, request, status, detail) => {
  const answer = await raw(request);
  expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
    status_code: status,
    detail,
    error: 'HTTPException',
  });
});
