import { component, MissingProviderError, Token } from '@flama/injection';
import type { OpenAPIDocument, OperationDescription } from '@flama/schema';
import { Hono } from 'hono';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { App } from './app';
import { Cookies, PathParams } from './http-components';
import { HTTPException } from './http-exception';
import type { MiddlewareFactory } from './middleware';
import type { Module } from './module';
import { resource } from './resource';
import { Route } from './route';
import { routeOf } from './route-registry';
import { testClient } from './test-client';

const json = (response: Response) => response.json() as Promise<Record<string, unknown>>;

describe('routes and results', () => {
  it('serves JSON for objects, arrays and strings, and passes a Response through', async () => {
    const app = new App()
      .get('/object', () => ({ a: 1 }))
      .get('/array', () => [1, 2])
      .get('/text', () => 'Hello 🔥')
      .get('/raw', () => new Response('raw', { status: 202 }))
      .get('/nothing', () => undefined);
    const client = await testClient(app);
    expect(await json(await client.get('/object'))).toEqual({ a: 1 });
    expect(await (await client.get('/array')).json()).toEqual([1, 2]);
    const text = await client.get('/text');
    expect(text.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await text.text()).toBe('"Hello 🔥"');
    const raw = await client.get('/raw');
    expect([raw.status, await raw.text()]).toEqual([202, 'raw']);
    const nothing = await client.get('/nothing');
    expect([nothing.status, await nothing.text(), nothing.headers.get('content-type')]).toEqual([
      200,
      '',
      null,
    ]);
    await client.close();
  });

  it('answers with the declared status, and no body for 204', async () => {
    const app = new App()
      .post('/items/', { status: 201 }, () => ({ created: true }))
      .delete('/items/{id:int}/', { status: 204 }, () => undefined);
    const client = await testClient(app);
    expect((await client.post('/items/')).status).toBe(201);
    const deleted = await client.delete('/items/1/');
    expect([deleted.status, await deleted.text()]).toEqual([204, '']);
  });

  it('gives typed path params: a value that does not fit a typed segment matches no route', async () => {
    const app = new App().get('/user/{id:int}/', ({ params }) => {
      expectTypeOf(params).toEqualTypeOf<{ id: number }>();
      return params;
    });
    const client = await testClient(app);
    expect(await json(await client.get('/user/42/'))).toEqual({ id: 42 });
    const miss = await client.get('/user/abc/');
    expect(miss.status).toBe(404);
    expect(await json(miss)).toEqual({ status_code: 404, detail: 'Not Found', error: 'HTTPException' });
  });

  it('keeps trailing slashes strict', async () => {
    const client = await testClient(new App().get('/user/', () => 'ok'));
    expect((await client.get('/user/')).status).toBe(200);
    expect((await client.get('/user')).status).toBe(404);
  });

  it('answers 405 with an Allow header when the path exists for other methods', async () => {
    const app = new App().get('/user/', () => 'list').post('/user/', () => 'create');
    const client = await testClient(app);
    const response = await client.delete('/user/');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(await json(response)).toEqual({
      status_code: 405,
      detail: 'Method Not Allowed',
      error: 'HTTPException',
    });
  });

  it('answers HEAD from GET routes, and serves explicit HEAD routes', async () => {
    const app = new App()
      .get('/page', () => 'page')
      .head('/probe', () => new Response(null, { headers: { 'x-probe': 'yes' } }));
    const client = await testClient(app);
    const head = await client.request('/page', { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    expect((await client.request('/probe', { method: 'HEAD' })).headers.get('x-probe')).toBe('yes');
    const get = await client.get('/probe');
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'HEAD']);
  });

  it('refuses a body on a GET route at declaration', () => {
    expect(() => new App().get('/x', { body: z.object({}) }, () => 1)).toThrow('declares a body');
  });

  it('refuses to inject a component under the name of a request part (body, query, params)', () => {
    const Settings = new Token<string>('Settings');
    expect(() => new App().post('/x', { body: z.object({}), inject: { body: Settings } }, () => 1)).toThrow(
      'Route /x injects "body", a name the handler gets the validated request by (params, query, body): inject it under another name.',
    );
    expect(() => new App().get('/y', { inject: { params: Settings, query: Settings } }, () => 1)).toThrow(
      'injects "params", "query"',
    );
  });
});

describe('validation', () => {
  const User = z.object({
    email: z.email(),
    age: z.number().int().min(0),
    address: z.object({ city: z.string() }),
  });

  const app = () =>
    new App().post('/user/', { body: User, status: 201 }, ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<{ email: string; age: number; address: { city: string } }>();
      return body;
    });

  it('accepts a valid body, typed', async () => {
    const client = await testClient(app());
    const user = { email: 'a@b.co', age: 3, address: { city: 'Madrid' } };
    const response = await client.post('/user/', { json: user });
    expect(response.status).toBe(201);
    expect(await json(response)).toEqual(user);
  });

  it('maps each failing field’s dotted path to its messages', async () => {
    const client = await testClient(app());
    const response = await client.post('/user/', { json: { email: 'nope', age: 'x', address: {} } });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error).toBe('ValidationError');
    expect(body.status_code).toBe(400);
    expect(body.detail).toEqual({
      email: ['Invalid email address'],
      age: [expect.stringContaining('expected number')],
      'address.city': ['Required'],
    });
  });

  it('gives 400 for malformed JSON, 415 for other content types, 413 past the limit, Required for no body', async () => {
    const client = await testClient(new App({ bodyLimit: 64 }).post('/user/', { body: User }, () => 'ok'));
    const malformed = await client.post('/user/', {
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).detail).toMatch(/^Malformed JSON body/);
    const text = await client.post('/user/', { body: 'email=a', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const huge = await client.post('/user/', { json: { email: 'x'.repeat(100) } });
    expect(huge.status).toBe(413);
    expect((await json(huge)).detail).toBe('Request body is larger than the limit of 64 bytes.');
    const empty = await client.post('/user/');
    expect(empty.status).toBe(400);
    expect((await json(empty)).detail).toEqual({ body: ['Required'] });
  });

  it('enforces the limit on bodies without a Content-Length', async () => {
    const client = await testClient(new App({ bodyLimit: 16 }).post('/x', { body: z.unknown() }, () => 'ok'));
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('"aaaaaaaa"'));
        controller.close();
      },
    });
    const response = await client.post('/x', {
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('coerces and validates query params, naming the failing parameter', async () => {
    const query = z.object({
      page: z.number().int().min(1).default(1),
      tags: z.array(z.string()).default([]),
    });
    const app = new App().get('/items/', { query }, ({ query }) => {
      expectTypeOf(query).toEqualTypeOf<{ page: number; tags: string[] }>();
      return query;
    });
    const client = await testClient(app);
    expect(await json(await client.get('/items/', { query: { page: 2, tags: ['a', 'b'] } }))).toEqual({
      page: 2,
      tags: ['a', 'b'],
    });
    expect(await json(await client.get('/items/'))).toEqual({ page: 1, tags: [] });
    const bad = await client.get('/items/?page=abc');
    expect(bad.status).toBe(400);
    expect(Object.keys((await json(bad)).detail as object)).toEqual(['page']);
  });

  it('validates path params against a schema with a 400', async () => {
    const params = z.object({ id: z.coerce.number().int().max(10) });
    const client = await testClient(new App().get('/item/{id:int}/', { params }, ({ params }) => params));
    expect(await json(await client.get('/item/5/'))).toEqual({ id: 5 });
    const bad = await client.get('/item/50/');
    expect(bad.status).toBe(400);
    expect(Object.keys((await json(bad)).detail as object)).toEqual(['id']);
  });

  it('checks results against the response schema and strips what it does not declare', async () => {
    const Public = z.object({ id: z.int(), name: z.string() });
    const app = new App({ log: () => undefined })
      .get('/user/', { response: Public }, () => ({ id: 1, name: 'Ada', password: 'secret' }))
      .get('/broken/', { response: Public }, () => ({ id: 'x' }) as never);
    const client = await testClient(app);
    expect(await json(await client.get('/user/'))).toEqual({ id: 1, name: 'Ada' });
    const broken = await client.get('/broken/');
    expect(broken.status).toBe(500);
    expect(await json(broken)).toEqual({
      status_code: 500,
      detail: 'Internal Server Error',
      error: 'HTTPException',
    });
  });
});

describe('errors', () => {
  it('answers an HTTPException with Flama’s error body and its headers', async () => {
    const app = new App().get('/secret', () => {
      throw new HTTPException(401, 'Token expired', { 'www-authenticate': 'Bearer' });
    });
    const client = await testClient(app);
    const response = await client.get('/secret');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await json(response)).toEqual({
      status_code: 401,
      detail: 'Token expired',
      error: 'HTTPException',
    });
  });

  it('hides internals of unexpected errors, and logs them', async () => {
    const logged: unknown[] = [];
    const app = new App({ log: (error) => logged.push(error) }).get('/boom', () => {
      throw new Error('database password is hunter2');
    });
    const client = await testClient(app);
    const response = await client.get('/boom');
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain('hunter2');
    expect((logged[0] as Error).message).toBe('database password is hunter2');
  });

  it('shows internals with debug: JSON for API clients, HTML for browsers', async () => {
    const app = new App({ debug: true, log: () => undefined }).get('/boom', () => {
      throw new TypeError('bad <thing>');
    });
    const client = await testClient(app);
    const api = await json(await client.get('/boom'));
    expect(api.error).toBe('InternalServerError');
    expect(api.detail).toMatchObject({ error: 'TypeError', message: 'bad <thing>' });
    const page = await client.get('/boom', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('TypeError: bad &lt;thing&gt;');
  });
});

describe('injection', () => {
  const Greeting = new Token<string>('Greeting');
  const Counter = new Token<{ n: number }>('Counter');

  it('gives handlers their declared components, typed, resolved per request', async () => {
    let made = 0;
    const app = new App({
      components: [
        component({ provides: Counter, resolve: () => ({ n: ++made }) }),
        component({
          provides: Greeting,
          inject: { headers: Headers, counter: Counter },
          resolve: ({ headers, counter }) => `Hello ${headers.get('x-name')} #${counter.n}`,
        }),
      ],
    }).get('/', { inject: { greeting: Greeting, counter: Counter } }, ({ greeting, counter }) => {
      expectTypeOf(greeting).toEqualTypeOf<string>();
      return { greeting, n: counter.n };
    });
    const client = await testClient(app);
    expect(await json(await client.get('/', { headers: { 'x-name': 'Ada' } }))).toEqual({
      greeting: 'Hello Ada #1',
      n: 1,
    });
    expect(await json(await client.get('/', { headers: { 'x-name': 'Bo' } }))).toEqual({
      greeting: 'Hello Bo #2',
      n: 2,
    });
  });

  it('provides the request, headers, query, cookies, path params, the app and the route', async () => {
    const app = new App({ title: 'Built-ins' }).get(
      '/item/{id:int}/',
      {
        name: 'item',
        inject: {
          request: Request,
          headers: Headers,
          search: URLSearchParams,
          cookies: Cookies,
          path: PathParams,
          app: App,
          route: Route,
        },
      },
      ({ request, headers, search, cookies, path, app, route }) => ({
        method: request.method,
        agent: headers.get('user-agent'),
        q: search.get('q'),
        session: cookies.session,
        path,
        title: app.title,
        route: route.name,
      }),
    );
    const client = await testClient(app);
    const response = await client.get('/item/3/?q=x', {
      headers: { 'user-agent': 'test', cookie: 'session=abc' },
    });
    expect(await json(response)).toEqual({
      method: 'GET',
      agent: 'test',
      q: 'x',
      session: 'abc',
      path: { id: 3 },
      title: 'Built-ins',
      route: 'item',
    });
  });

  it('lets user components override built-ins', async () => {
    const app = new App({
      components: [component({ provides: Cookies, resolve: () => ({ fixed: 'yes' }) })],
    }).get('/', { inject: { cookies: Cookies } }, ({ cookies }) => cookies);
    const client = await testClient(app);
    expect(await json(await client.get('/'))).toEqual({ fixed: 'yes' });
  });

  it('fails startup, not a request, when a handler needs a component nobody provides', async () => {
    const app = new App({ title: 'Broken' }).get(
      '/',
      { inject: { greeting: Greeting } },
      ({ greeting }) => greeting,
    );
    const failure = app.startup();
    await expect(failure).rejects.toThrow('Broken failed to start: GET / needs Greeting');
    await expect(failure).rejects.toHaveProperty('cause', expect.any(MissingProviderError));
    expect((await app.fetch(new Request('http://x/'))).status).toBe(503);
  });

  it('turns a component’s HTTPException into its response', async () => {
    const app = new App({
      components: [
        component({
          provides: Greeting,
          resolve: () => {
            throw new HTTPException(403, 'Insufficient permissions');
          },
        }),
      ],
    }).get('/', { inject: { greeting: Greeting } }, ({ greeting }) => greeting);
    const client = await testClient(app);
    expect((await client.get('/')).status).toBe(403);
  });
});

describe('lifecycle', () => {
  it('answers 503 before startup and after shutdown', async () => {
    const app = new App().get('/', () => 'ok');
    const before = await app.fetch(new Request('http://x/'));
    expect(before.status).toBe(503);
    expect((await json(before)).status_code).toBe(503);
    await app.startup();
    expect((await app.fetch(new Request('http://x/'))).status).toBe(200);
    await app.shutdown();
    expect((await app.fetch(new Request('http://x/'))).status).toBe(503);
  });

  it('starts modules, then hooks, and stops them in reverse', async () => {
    const events: string[] = [];
    const module = (name: string): Module => ({
      name,
      startup: () => void events.push(`start ${name}`),
      shutdown: () => void events.push(`stop ${name}`),
    });
    const app = new App({ modules: [module('db'), module('models')] })
      .onStartup(() => void events.push('hook start'))
      .onShutdown(() => void events.push('hook stop'));
    await app.startup();
    await app.startup();
    await app.shutdown();
    expect(events).toEqual(['start db', 'start models', 'hook start', 'hook stop', 'stop models', 'stop db']);
  });

  it('stops the modules that started when a later one fails, and reports the cause', async () => {
    const events: string[] = [];
    const app = new App({
      title: 'Shop',
      modules: [
        { name: 'db', startup: () => void events.push('db up'), shutdown: () => void events.push('db down') },
        {
          name: 'models',
          startup: () => {
            throw new Error('model.flm is truncated');
          },
        },
      ],
    });
    await expect(app.startup()).rejects.toThrow('Shop failed to start: model.flm is truncated');
    expect(events).toEqual(['db up', 'db down']);
  });

  it('provides module components and finds modules by class', async () => {
    const Connection = new Token<string>('Connection');
    class DatabaseModule implements Module {
      readonly name = 'database';
      readonly components = [component({ provides: Connection, resolve: () => 'connected' })];
    }
    const app = new App({ modules: [new DatabaseModule()] }).get(
      '/',
      { inject: { connection: Connection } },
      ({ connection }) => connection,
    );
    expect(app.module(DatabaseModule)).toBeInstanceOf(DatabaseModule);
    const client = await testClient(app);
    expect(await (await client.get('/')).json()).toBe('connected');
  });

  it('refuses changes once started', async () => {
    const app = new App();
    await app.startup();
    expect(() => app.get('/', () => 1)).toThrow('Cannot add a route once Flama has started.');
  });
});

describe('middleware', () => {
  it('runs in declaration order, outermost first, around routes and 404s, and sees the matched route', async () => {
    const seen: string[] = [];
    const app = new App({
      middleware: [
        async (c, next) => {
          seen.push(`outer ${routeOf(c)?.name ?? 'none'}`);
          await next();
          c.res.headers.set('x-outer', '1');
        },
      ],
    })
      .addMiddleware({
        middleware: (owner) => async (c, next) => {
          seen.push(`inner ${owner.title} ${JSON.stringify(routeOf(c)?.meta)}`);
          await next();
        },
      })
      .get('/', { name: 'home', meta: { permissions: ['read'] } }, () => 'home');
    const client = await testClient(app);
    expect((await client.get('/')).headers.get('x-outer')).toBe('1');
    const missing = await client.get('/missing');
    expect([missing.status, missing.headers.get('x-outer')]).toEqual([404, '1']);
    expect(seen).toEqual([
      'outer home',
      'inner Flama {"permissions":["read"]}',
      'outer none',
      'inner Flama undefined',
    ]);
  });
});

describe('mounts, resources and reverse routing', () => {
  it('mounts Flama apps with their middleware, components and lifecycle, by whole segments', async () => {
    const Name = new Token<string>('Name');
    const events: string[] = [];
    const child = new App({
      components: [component({ provides: Name, resolve: () => 'child' })],
      middleware: [
        async (c, next) => {
          await next();
          c.res.headers.set('x-child', '1');
        },
      ],
    })
      .onStartup(() => void events.push('child up'))
      .onShutdown(() => void events.push('child down'))
      .get(
        '/hello/',
        { name: 'hello', inject: { name: Name, app: App } },
        ({ name, app }) => `${name} of ${app.title}`,
      );
    const parent = new App({ title: 'Parent' })
      .mount('/foo', child, { name: 'foo' })
      .get('/foobar', () => 'parent');
    const client = await testClient(parent);
    const hello = await client.get('/foo/hello/');
    expect(await hello.json()).toBe('child of Flama');
    expect(hello.headers.get('x-child')).toBe('1');
    const sibling = await client.get('/foobar');
    expect([await sibling.json(), sibling.headers.get('x-child')]).toEqual(['parent', null]);
    expect(parent.resolveUrl('foo:hello')).toBe('/foo/hello/');
    await client.close();
    expect(events).toEqual(['child up', 'child down']);
  });

  it('mounts plain Hono apps', async () => {
    const hono = new Hono().get('/ping', (c) => c.text('pong'));
    const client = await testClient(new App().mount('/hono', hono));
    expect(await (await client.get('/hono/ping')).text()).toBe('pong');
    expect((await client.get('/honoping')).status).toBe(404);
  });

  it('mounts resources with resource:method names, shared injections and tags', async () => {
    const Store = new Token<Map<number, string>>('Store');
    const store = new Map([[1, 'Ada']]);
    const users = resource({ name: 'user', verboseName: 'User', inject: { store: Store } })
      .get('/', { name: 'list' }, ({ store }) => [...store.values()])
      .get('/{id:int}/', { name: 'detail' }, ({ params, store }) => {
        const user = store.get(params.id);
        if (!user) throw new HTTPException(404);
        return user;
      });
    const app = new App({ components: [component({ provides: Store, resolve: () => store })] });
    app.resources.addResource('/user/', users);
    const client = await testClient(app);
    expect(await (await client.get('/user/')).json()).toEqual(['Ada']);
    expect(await (await client.get('/user/1/')).json()).toBe('Ada');
    expect((await client.get('/user/2/')).status).toBe(404);
    expect(app.resolveUrl('user:detail', { id: 1 })).toBe('/user/1/');
    expect(() => app.resolveUrl('user:nope')).toThrow(
      'No route is named "user:nope". Named routes: user:detail, user:list.',
    );
    const schema = (await (await client.get('/schema/')).json()) as OpenAPIDocument;
    expect(schema.paths['/user/{id}/']?.get).toMatchObject({ operationId: 'user:detail', tags: ['User'] });
  });

  it('serves an app’s own request through the outermost app that mounts it (fetchThroughMounts)', async () => {
    const inner = new App().post(
      '/echo/',
      { name: 'echo', body: z.object({ n: z.int() }) },
      ({ body }) => body,
    );
    const middle = new App().mount('/v1', inner);
    const outer = new App({
      middleware: [
        async (c, next) => {
          if (c.req.header('authorization') !== 'Bearer ok') return c.json({ detail: 'Missing token' }, 401);
          await next();
        },
      ],
    }).mount('/api', middle);
    const client = await testClient(outer);
    const echo = (authorization: string) =>
      inner.fetchThroughMounts(
        new Request('http://app/echo/', {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: '{"n":7}',
        }),
      );
    const answered = await echo('Bearer ok');
    expect([answered.status, await answered.json()]).toEqual([200, { n: 7 }]);
    expect((await echo('Bearer forged')).status).toBe(401);
    // Its own fetch isn't started when it is mounted: the outer app serves its routes.
    expect((await inner.fetch(new Request('http://app/echo/'))).status).toBe(503);
    await client.close();
    const alone = new App().get('/ping', () => 'pong');
    const aloneClient = await testClient(alone);
    expect(await (await alone.fetchThroughMounts(new Request('http://app/ping'))).json()).toBe('pong');
    await aloneClient.close();
  });

  it('refuses two routes with the same name at startup', async () => {
    const app = new App().get('/a', { name: 'same' }, () => 1).get('/b', { name: 'same' }, () => 2);
    await expect(app.startup()).rejects.toThrow('are both named "same"');
  });
});

describe('/schema/', () => {
  it('serves the OpenAPI document with the app’s metadata, and can be disabled', async () => {
    const app = new App({
      title: 'Docs',
      version: '2.0.0',
      description: 'An API',
      openapi: { info: { title: 'Docs', version: '2.0.0', contact: { email: 'team@example.com' } } },
    }).get('/', { name: 'home', summary: 'Home', tags: ['Home'] }, () => 'hi');
    const client = await testClient(app);
    const response = await client.get('/schema/');
    expect(response.headers.get('content-type')).toBe('application/json');
    const document = (await response.json()) as OpenAPIDocument;
    expect(document.openapi).toMatch(/^3\.1/);
    expect(document.info).toMatchObject({
      title: 'Docs',
      version: '2.0.0',
      contact: { email: 'team@example.com' },
    });
    expect(document.paths['/']?.get).toMatchObject({ operationId: 'home', summary: 'Home', tags: ['Home'] });
    const hidden = await testClient(new App({ schema: false }));
    expect((await hidden.get('/schema/')).status).toBe(404);
  });

  it('documents responses given as a plain description', async () => {
    const app = new App().post(
      '/signin/',
      { responses: { 401: 'Wrong password' }, status: 204 },
      () => undefined,
    );
    const document = app.openapi();
    expect(document.paths['/signin/']?.post?.responses?.['401']).toEqual({ description: 'Wrong password' });
  });
});

describe('OpenAPI contributions and singletons', () => {
  it('lets components describe the operations of routes that use them, and middleware add schemes', async () => {
    const Token_ = new Token<string>('AccessToken');
    const tokenComponent = {
      ...component({
        provides: Token_,
        inject: { headers: Headers },
        resolve: ({ headers }) => headers.get('x') ?? '',
      }),
      openapi: {
        securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer' } },
        describeOperation: (operation: OperationDescription) => ({
          ...operation,
          security: [{ bearer: [] }],
        }),
      },
    };
    const Wrapper = new Token<string>('Wrapper');
    const app = new App({
      components: [
        tokenComponent,
        component({ provides: Wrapper, inject: { t: Token_ }, resolve: ({ t }) => t }),
      ],
      middleware: [
        {
          middleware: () => async (_c, next) => next(),
          openapi: {
            securitySchemes: { cookie: { type: 'apiKey' as const, in: 'cookie' as const, name: 'sid' } },
          },
        } as MiddlewareFactory,
      ],
    })
      .get('/open', () => 'open')
      .get('/direct', { inject: { token: Token_ } }, ({ token }) => token)
      .get('/indirect', { inject: { wrapper: Wrapper } }, ({ wrapper }) => wrapper);
    const document = app.openapi();
    expect(document.components?.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'sid' },
    });
    expect(document.paths['/open']?.get?.security).toBeUndefined();
    expect(document.paths['/direct']?.get?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/indirect']?.get?.security).toEqual([{ bearer: [] }]);
  });

  it('resolves singletons at startup, so a failing one stops startup', async () => {
    const Settings = new Token<{ ok: boolean }>('Settings');
    let calls = 0;
    const app = new App({
      components: [
        component({ provides: Settings, scope: 'singleton', resolve: async () => ({ ok: ++calls > 0 }) }),
      ],
    }).get('/', { inject: { settings: Settings } }, ({ settings }) => settings);
    await app.startup();
    expect(calls).toBe(1);
    const failing = new App({
      components: [
        component({
          provides: Settings,
          scope: 'singleton',
          resolve: () => {
            throw new Error('settings file missing');
          },
        }),
      ],
    }).get('/', { inject: { settings: Settings } }, ({ settings }) => settings);
    await expect(failing.startup()).rejects.toThrow('failed to start: settings file missing');
  });
});

describe('client errors from other packages', () => {
  class OutOfStock extends Error {
    override name = 'OutOfStock';
    readonly status = 409;
    readonly expose = true;
  }
  class UpstreamFailure extends Error {
    readonly status = 404;
  }

  it('answers an error with a 4xx status and expose: true with its status and message', async () => {
    const app = new App({ log: () => undefined })
      .get('/buy', () => {
        throw new OutOfStock('Only 2 left');
      })
      .get('/upstream', () => {
        throw new UpstreamFailure('the remote said 404');
      });
    const client = await testClient(app);
    const buy = await client.get('/buy');
    expect([buy.status, await json(buy)]).toEqual([
      409,
      { status_code: 409, detail: 'Only 2 left', error: 'OutOfStock' },
    ]);
    const upstream = await client.get('/upstream');
    expect(upstream.status).toBe(500);
    expect(await upstream.text()).not.toContain('remote');
  });
});

describe('OpenAPI contributions through mounts', () => {
  it('applies a parent app’s middleware contribution to the routes of mounted apps', () => {
    const guarded = (operation: OperationDescription) => ({ ...operation, security: [{ bearer: [] }] });
    const child = new App().get('/inner', () => 'inner');
    const parent = new App({
      middleware: [
        {
          middleware: () => async (_c, next) => next(),
          openapi: {
            securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer' } },
            describeOperation: guarded,
          },
        } as MiddlewareFactory,
      ],
    })
      .get('/outer', () => 'outer')
      .mount('/child', child);
    const document = parent.openapi();
    expect(document.paths['/outer']?.get?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/child/inner']?.get?.security).toEqual([{ bearer: [] }]);
  });
});
