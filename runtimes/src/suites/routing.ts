import { component, Token } from '@flama/injection';
import {
  App,
  Context,
  Cookies,
  cors,
  currentRuntime,
  HTTPException,
  NodeOnlyError,
  resource,
  serveOnSocket,
  webSocket,
} from '@flama/routing';
import { z } from 'zod';
import { check, statusAndJson } from '../check';
import type { Suite } from '../suite';

const Settings = new Token<{ greeting: string }>('Settings');
const Item = z.object({ name: z.string().min(1), price: z.number().positive() }).meta({ id: 'Item' });
const BODY_LIMIT = 64;
const logged: unknown[] = [];

function routingApp(): App {
  const app = new App({
    title: 'Runtimes',
    version: '1.0.0',
    bodyLimit: BODY_LIMIT,
    health: true,
    log: (error) => logged.push(error),
    middleware: [cors({ origin: 'https://example.com' })],
    components: [
      component({ provides: Settings, scope: 'singleton', resolve: () => ({ greeting: 'Hello' }) }),
    ],
  });
  app.get('/', { name: 'home' }, () => 'Hello 🔥');
  app.get(
    '/greet/',
    {
      query: z.object({ name: z.string().default('world') }),
      inject: { settings: Settings, headers: Headers },
    },
    ({ query, settings, headers }) => ({
      message: `${settings.greeting} ${query.name}`,
      language: headers.get('accept-language'),
    }),
  );
  app.get('/items/{id:int}/', { name: 'item' }, ({ params }) => ({ id: params.id }));
  app.post('/items/', { body: Item, status: 201 }, ({ body }) => body);
  app.get('/cookies/', { inject: { cookies: Cookies } }, ({ cookies }) => cookies);
  app.get('/teapot/', {}, () => {
    throw new HTTPException(418);
  });
  app.get('/boom/', {}, () => {
    throw new Error('a secret internal detail');
  });
  app.get('/socket/', { inject: { c: Context } }, ({ c }) => webSocket(c, {}));
  const notes = resource({ name: 'note', verboseName: 'Note' })
    .get('/', { name: 'list' }, () => ['first'])
    .get('/{id:int}/', { name: 'detail' }, ({ params }) => ({ id: params.id }));
  const v1 = new App({ schema: false });
  v1.resources.addResource('/notes/', notes);
  app.mount('/v1', v1, { name: 'v1' });
  return app;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** A body of unknown length: a stream with no Content-Length, read by the web-standard path. */
function streamed(text: string): RequestInit {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.byteLength; i += 16) controller.enqueue(bytes.subarray(i, i + 16));
      controller.close();
    },
  });
  // `duplex` is what Node's fetch asks of a stream body; the other runtimes ignore it.
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit;
}

const notFound = { status_code: 404, detail: 'Not Found', error: 'HTTPException' };

/** @flama/routing: routes, validation, injection, bodies, errors, mounts, middleware and the schema. */
export const routingSuite: Suite = {
  name: 'routing',
  app: routingApp,
  cases: [
    {
      name: 'a route answers JSON',
      run: async (send) => check(await statusAndJson(await send('/')), [200, 'Hello 🔥'], 'GET /'),
    },
    {
      name: 'a validated query and injected components (a singleton, the request headers)',
      run: async (send) => {
        const response = await send('/greet/?name=Bun', { headers: { 'accept-language': 'es' } });
        check(await statusAndJson(response), [200, { message: 'Hello Bun', language: 'es' }], 'GET /greet/');
        check(await (await send('/greet/')).json(), { message: 'Hello world', language: null }, 'default');
      },
    },
    {
      name: 'typed path params: a value that does not fit matches no route',
      run: async (send) => {
        check(await statusAndJson(await send('/items/7/')), [200, { id: 7 }], 'GET /items/7/');
        check(await statusAndJson(await send('/items/seven/')), [404, notFound], 'GET /items/seven/');
      },
    },
    {
      name: '405 with an Allow header',
      run: async (send) => {
        const response = await send('/items/7/', { method: 'DELETE' });
        check([response.status, response.headers.get('allow')], [405, 'GET, HEAD'], 'DELETE /items/7/');
      },
    },
    {
      name: 'HEAD answers a GET route without a body',
      run: async (send) => {
        const response = await send('/', { method: 'HEAD' });
        check([response.status, await response.text()], [200, ''], 'HEAD /');
      },
    },
    {
      name: 'a JSON body is validated, with Flama’s error detail',
      run: async (send) => {
        const created = await send('/items/', json({ name: 'tea', price: 2.5 }));
        check(await statusAndJson(created), [201, { name: 'tea', price: 2.5 }], 'valid body');
        const [status, body] = await statusAndJson(await send('/items/', json({ name: '', price: 2 })));
        const { error, detail } = body as { error: string; detail: Record<string, string[]> };
        check([status, error, Object.keys(detail)], [400, 'ValidationError', ['name']], 'invalid body');
      },
    },
    {
      name: 'malformed JSON is a 400, another content type a 415',
      run: async (send) => {
        const malformed = await send('/items/', { ...json(null), body: '{"name": ' });
        check(malformed.status, 400, 'malformed');
        const text = await send('/items/', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'x',
        });
        check(text.status, 415, 'text/plain');
      },
    },
    {
      name: 'a body over the limit is a 413, by Content-Length and while streaming',
      run: async (send) => {
        const big = { name: 'x'.repeat(BODY_LIMIT), price: 1 };
        check((await send('/items/', json(big))).status, 413, 'Content-Length');
        check((await send('/items/', streamed(JSON.stringify(big)))).status, 413, 'streamed');
        const small = await send('/items/', streamed(JSON.stringify({ name: 'tea', price: 1 })));
        check(await statusAndJson(small), [201, { name: 'tea', price: 1 }], 'streamed within the limit');
      },
    },
    {
      name: 'cookies by name',
      run: async (send) => {
        const response = await send('/cookies/', { headers: { cookie: 'a=1; b=two' } });
        check(await response.json(), { a: '1', b: 'two' }, 'cookies');
      },
    },
    {
      name: 'errors: an HTTPException as thrown, anything else a 500 without internals',
      run: async (send) => {
        const teapot = { status_code: 418, detail: "I'm a Teapot", error: 'HTTPException' };
        check(await statusAndJson(await send('/teapot/')), [418, teapot], 'HTTPException');
        const before = logged.length;
        const [status, body] = await statusAndJson(await send('/boom/'));
        check([status, JSON.stringify(body).includes('secret')], [500, false], 'unexpected error');
        check(logged.length, before + 1, 'errors logged');
      },
    },
    {
      name: 'middleware wraps routes and 404s (hono’s cors)',
      run: async (send) => {
        const headers = { origin: 'https://example.com' };
        check(
          (await send('/', { headers })).headers.get('access-control-allow-origin'),
          headers.origin,
          'GET /',
        );
        const missing = await send('/nowhere', { headers });
        check(
          [missing.status, missing.headers.get('access-control-allow-origin')],
          [404, headers.origin],
          '404',
        );
      },
    },
    {
      name: 'a mounted app’s resource, and reverse routing through the mount',
      run: async (send) => {
        check(await statusAndJson(await send('/v1/notes/')), [200, ['first']], 'list');
        check(await statusAndJson(await send('/v1/notes/3/')), [200, { id: 3 }], 'detail');
        check(await statusAndJson(await send('/v1notes/')), [404, notFound], 'whole segments');
      },
    },
    {
      name: 'the OpenAPI document at /schema/',
      run: async (send) => {
        const document = (await (await send('/schema/')).json()) as { openapi: string; paths: object };
        check(document.openapi, '3.1.0', 'version');
        for (const path of ['/', '/greet/', '/items/{id}/', '/items/', '/v1/notes/{id}/']) {
          check(path in document.paths, true, `documents ${path}`);
        }
      },
    },
    {
      name: 'health routes',
      run: async (send) => {
        check(await statusAndJson(await send('/health/live')), [200, { status: 'live' }], 'live');
        check(await statusAndJson(await send('/health/ready')), [200, { status: 'ready' }], 'ready');
      },
    },
    {
      name: 'a WebSocket route: 426 without an upgrade, 501 for one no server here accepts',
      run: async (send) => {
        check((await send('/socket/')).status, 426, 'plain GET');
        const upgrade = await send('/socket/', { headers: { upgrade: 'websocket', connection: 'upgrade' } });
        check(upgrade.status, 501, 'upgrade');
      },
    },
    {
      name: 'what needs Node says so elsewhere (serveOnSocket), in one line',
      run: async () => {
        if (currentRuntime() === 'node') return;
        const refusal = await serveOnSocket(new App()).then(
          () => 'served',
          (error: Error) => `${error instanceof NodeOnlyError} ${error.message}`,
        );
        check(
          refusal.startsWith('true serveOnSocket (it serves with @hono/node-server) needs Node.js'),
          true,
          refusal,
        );
      },
    },
  ],
};
