import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { App } from './app';
import { JsonBytes } from './http-components';
import { parseJsonBody } from './json-body';
import { type SocketServer, serveOnSocket } from './socket-server';

let served: SocketServer;
let url: string;
const app = new App({ bodyLimit: 1024 })
  .post('/echo/', { body: z.object({ text: z.string() }) }, ({ body }) => body)
  .post('/optional/', { body: z.object({ text: z.string() }).optional() }, ({ body }) => ({
    got: body ?? null,
  }))
  .post('/bytes/', { body: z.object({ text: z.string() }), inject: { bytes: JsonBytes } }, ({ bytes }) => ({
    length: bytes?.byteLength ?? null,
    parsed: parseJsonBody(bytes) ?? null,
  }));

/** A request written by hand, for framings fetch doesn't send (no Content-Length and no body at all). */
function rawRequest(head: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.end(`${head}\r\nHost: test\r\nConnection: close\r\n\r\n`),
    );
    let answer = '';
    socket
      .setEncoding('utf8')
      .on('data', (chunk) => (answer += chunk))
      .on('end', () => resolve(answer))
      .on('error', reject);
  });
}

/** Bodies read straight from Node's request, over a real socket. */
beforeAll(async () => {
  served = await serveOnSocket(app);
  url = served.url;
});

afterAll(() => served.close());

const post = (
  body: RequestInit['body'],
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => fetch(`${url}/echo/`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('JSON bodies over a socket', () => {
  it('takes a request with neither Content-Length nor a body as an empty body, not an unsupported type', async () => {
    const answer = await rawRequest('POST /optional/ HTTP/1.1');
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.endsWith('{"got":null}')).toBe(true);
  });

  it('refuses a JSON body in a charset other than UTF-8 with 415', async () => {
    const latin1 = await post(JSON.stringify({ text: 'x' }), {
      'content-type': 'application/json; charset=latin1',
    });
    expect(latin1.status).toBe(415);
    expect(((await latin1.json()) as { detail: string }).detail).toBe(
      'Unsupported charset latin1: send JSON in UTF-8.',
    );
    const utf8 = await post(JSON.stringify({ text: 'x' }), {
      'content-type': 'application/json; charset=UTF-8',
    });
    expect(utf8.status).toBe(200);
  });

  it('reads a body, whatever its size below the limit', async () => {
    const response = await post(JSON.stringify({ text: 'é'.repeat(400) }));
    expect(await response.json()).toEqual({ text: 'é'.repeat(400) });
  });

  it('answers 413 past the limit, declared or streamed, and keeps serving', async () => {
    const declared = await post(JSON.stringify({ text: 'x'.repeat(5000) }));
    expect(declared.status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 64; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(256)));
        controller.close();
      },
    });
    const streamed = await post(chunks);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { detail: string }).detail).toBe(
      'Request body is larger than the limit of 1024 bytes.',
    );
    expect((await post(JSON.stringify({ text: 'still here' }))).status).toBe(200);
  });

  it('answers 415, 400 and a required body as in process', async () => {
    expect((await post('text', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('{"text": ')).status).toBe(400);
    const empty = await post('');
    expect(((await empty.json()) as { detail: unknown }).detail).toEqual({ body: ['Required'] });
  });
});

describe('a route that reads its own body (JsonBytes)', () => {
  const postBytes = (body: string, type = 'application/json') =>
    fetch(`${url}/bytes/`, { method: 'POST', body, headers: { 'content-type': type } });

  it('gets the bytes unvalidated, its body schema only documenting them', async () => {
    const body = JSON.stringify({ text: 42, note: 'é' });
    const response = await postBytes(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      length: Buffer.byteLength(body),
      parsed: { text: 42, note: 'é' },
    });
    const empty = await rawRequest('POST /bytes/ HTTP/1.1');
    expect(empty.endsWith('{"length":null,"parsed":null}')).toBe(true);
    const schema = app.openapi() as { paths: Record<string, { post: { requestBody?: unknown } }> };
    expect(schema.paths['/bytes/']!.post.requestBody).toBeDefined();
  });

  it('still answers 415 and 413 before the handler, and parseJsonBody 400 for malformed JSON', async () => {
    expect((await postBytes('{}', 'text/plain')).status).toBe(415);
    expect((await postBytes(JSON.stringify({ text: 'x'.repeat(5000) }))).status).toBe(413);
    const malformed = await postBytes('{"text":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { detail: string }).detail).toMatch(/^Malformed JSON body: /);
  });
});
