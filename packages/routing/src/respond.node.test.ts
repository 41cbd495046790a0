import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { App } from './app';

let server: Server;
let url: string;
const app = new App()
  .get('/static-json/', () => Response.json({ built: 'by Response.json' }, { status: 201 }))
  .get('/constructed/', () => new Response('plain', { status: 202 }));

beforeAll(async () => {
  await app.startup();
  // @hono/node-server puts its own Response class in the global's place once it serves.
  server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.shutdown();
});

it('passes on a Response a handler returns, however it was made, under @hono/node-server', async () => {
  const json = await fetch(`${url}/static-json/`);
  expect(json.status).toBe(201);
  expect(await json.json()).toEqual({ built: 'by Response.json' });
  const plain = await fetch(`${url}/constructed/`);
  expect(plain.status).toBe(202);
  expect(await plain.text()).toBe('plain');
});
