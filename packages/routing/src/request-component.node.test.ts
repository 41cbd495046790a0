import { getRequestListener } from '@hono/node-server';
import { expect, it } from 'vitest';
import { App } from './app';
import { testClient } from './test-client';

it('injects Request into an app built after @hono/node-server replaced the global Request', async () => {
  const original = globalThis.Request;
  getRequestListener(() => new Response(null)); // what serve() does: the global Request becomes @hono/node-server's
  expect(globalThis.Request).not.toBe(original);
  for (const Injected of [globalThis.Request, original]) {
    const app = new App().get('/', { inject: { request: Injected } }, ({ request }) => ({
      method: request.method,
    }));
    const client = await testClient(app);
    expect(await (await client.get('/')).json()).toEqual({ method: 'GET' });
    await client.close();
  }
});
