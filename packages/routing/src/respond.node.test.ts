import { afterAll, beforeAll, expect, it } from 'vitest';
import { App } from './app';
import { type SocketServer, serveOnSocket } from './socket-server';

let served: SocketServer;
let url: string;
const app = new App()
  .get('/static-json/', () => Response.json({ built: 'by Response.json' }, { status: 201 }))
  .get('/constructed/', () => new Response('plain', { status: 202 }));

beforeAll(async () => {
  // @hono/node-server puts its own Response class in the global's place once it serves.
  served = await serveOnSocket(app);
  url = served.url;
});

afterAll(() => served.close());

it('passes on a Response a handler returns, however it was made, under @hono/node-server', async () => {
  const json = await fetch(`${url}/static-json/`);
  expect(json.status).toBe(201);
  expect(await json.json()).toEqual({ built: 'by Response.json' });
  const plain = await fetch(`${url}/constructed/`);
  expect(plain.status).toBe(202);
  expect(await plain.text()).toBe('plain');
});
