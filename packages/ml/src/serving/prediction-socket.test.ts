import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, acceptWebSockets } from '@flama/routing';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { dump } from '../model/dump';
import { mixedPipeline } from '../testing/models';
import { ModelsModule } from './models-module';

let server: Server;
let url: string;
let app: App;

/** The app served over a real socket, with WebSocket upgrades accepted as the CLI accepts them. */
beforeAll(async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'flama-socket-')), 'model.flm');
  await dump(mixedPipeline(), file);
  app = new App();
  const models = new ModelsModule(app);
  app.addModule(models);
  models.addModel('/table/', file, 'table');
  await app.startup();
  server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  acceptWebSockets(server, app.fetch);
  url = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.shutdown();
});

/** Sends messages in order and collects as many replies. */
async function converse(messages: string[]): Promise<unknown[]> {
  const socket = new WebSocket(`ws://${url}/table/ws/`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const replies: unknown[] = [];
  const done = new Promise<void>((resolve) => {
    socket.on('message', (data) => {
      replies.push(JSON.parse(String(data)));
      if (replies.length === messages.length) resolve();
    });
  });
  for (const message of messages) socket.send(message);
  await done;
  socket.close();
  return replies;
}

describe('predictions over a WebSocket', () => {
  it('closes with 1009 (Message Too Big) on a message over 1 MiB, as bodies are capped', async () => {
    const socket = new WebSocket(`ws://${url}/table/ws/`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ input: ['x'.repeat(2 * 1024 * 1024)] }));
    expect(await closed).toBe(1009);
  });

  it('answers each message with its id and output, or an error, and keeps the connection', async () => {
    const replies = await converse([
      JSON.stringify({ id: 1, input: [40, 1000, 'Madrid'] }),
      JSON.stringify({ id: 2, input: [40] }),
      'not json',
      JSON.stringify({ id: 3 }),
      JSON.stringify({ id: 4, input: [20, 1000, 'Paris'] }),
    ]);
    expect(replies).toEqual(
      expect.arrayContaining([
        { id: 1, output: 1 },
        { id: 2, error: expect.stringMatching(/^The input has \d+ values; the model takes 3 columns/) },
        { error: 'The message is not JSON: send {"id": …, "input": …}' },
        { error: 'The message has no "input": send {"id": …, "input": …}' },
        { id: 4, output: 0 },
      ]),
    );
  });

  it('answers a plain GET with 426', async () => {
    const response = await fetch(`http://${url}/table/ws/`);
    expect(response.status).toBe(426);
    expect(response.headers.get('upgrade')).toBe('websocket');
  });

  it('refuses upgrades to paths that are not WebSocket routes', async () => {
    const socket = new WebSocket(`ws://${url}/table/`);
    const status = await new Promise((resolve) =>
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode)),
    );
    expect(status).toBe(200);
    const missing = new WebSocket(`ws://${url}/nowhere/`);
    const missingStatus = await new Promise((resolve) =>
      missing.once('unexpected-response', (_req, res) => resolve(res.statusCode)),
    );
    expect(missingStatus).toBe(404);
  });
});
