import { value } from '@flama/injection';
import { App, type TestClient, testClient } from '@flama/routing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTables } from '../database/create-tables';
import { Database } from '../database/database';
import { describeDatabases } from '../testing';
import { PostRepository, posts, UserRepository, users } from '../testing/blog';
import { crudResource } from './crud-resource';

const UserInput = z.object({
  name: z.string().min(1),
  email: z.string(),
  active: z.boolean().default(false),
});
const User = z
  .object({ id: z.uuid(), name: z.string(), email: z.string(), active: z.boolean() })
  .meta({ id: 'User' });
const PostInput = z.object({
  id: z.int().optional(),
  author: z.uuid(),
  title: z.string(),
  score: z.int().default(0),
  summary: z.string().nullable().default(null),
});
const Post = z
  .object({
    id: z.int(),
    author: z.uuid(),
    title: z.string(),
    score: z.int(),
    summary: z.string().nullable(),
  })
  .meta({ id: 'Post' });

describeDatabases('crudResource', (db) => {
  let client: TestClient;
  const app = new App({ title: 'Blog', version: '1.0.0' });
  app.resources.addResource(
    '/user/',
    crudResource({ name: 'user', verboseName: 'User', table: users, input: UserInput, output: User }),
  );
  app.resources.addResource(
    '/post/',
    crudResource({ name: 'post', table: posts, input: PostInput, output: Post, pagination: 'limit-offset' }),
  );

  beforeAll(async () => {
    await createTables(db.database, { users, posts });
    app.addComponent(value(Database, db.database));
    client = await testClient(app);
  });

  afterAll(async () => {
    await client?.close();
  });

  beforeEach(async () => {
    await new PostRepository(db.database.drizzle).drop();
    await new UserRepository(db.database.drizzle).drop();
  });

  const ada = { name: 'Ada', email: 'ada@example.com' };
  const create = async (user: Record<string, unknown>) => {
    const response = await client.post('/user/', { json: user });
    expect(response.status).toBe(201);
    return (await response.json()) as z.output<typeof User>;
  };
  const createUsers = (...names: string[]) =>
    Promise.all(names.map((name, i) => create({ name, email: `${name}@example.com`, active: i % 2 === 0 })));
  const body = async (response: Response) => [response.status, await response.json()];
  type Page = { meta: Record<string, unknown>; data: { name: string; title: string }[] };
  const page = async (response: Response) => (await response.json()) as Page;

  describe('items', () => {
    it('creates (201), retrieves, replaces, updates and deletes (204) an item', async () => {
      const created = await create(ada);
      expect(created).toEqual({ id: expect.any(String), ...ada, active: false });
      const url = app.resolveUrl('user:retrieve', { id: created.id });
      expect(await body(await client.get(url))).toEqual([200, created]);
      const replaced = { name: 'Ada L.', email: 'ada@lovelace.org', active: true };
      expect(await body(await client.put(url, { json: replaced }))).toEqual([
        200,
        { id: created.id, ...replaced },
      ]);
      expect(await body(await client.patch(url, { json: { active: false } }))).toEqual([
        200,
        { id: created.id, ...replaced, active: false },
      ]);
      expect(await body(await client.patch(url, { json: {} }))).toEqual([
        200,
        { id: created.id, ...replaced, active: false },
      ]);
      expect((await client.delete(url)).status).toBe(204);
      expect((await client.get(url)).status).toBe(404);
    });

    it('answers 404 for an unknown id, and for an id of the wrong type', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const method of ['get', 'put', 'patch', 'delete'] as const) {
        const init = method === 'put' || method === 'patch' ? { json: ada } : {};
        const response = await client[method](`/user/${missing}/`, init);
        expect(await body(response)).toEqual([
          404,
          { status_code: 404, detail: 'Not Found', error: 'HTTPException' },
        ]);
      }
      expect((await client.get('/user/not-a-uuid/')).status).toBe(404);
      expect((await client.get('/post/99999999999/')).status).toBe(404);
    });

    it('answers 400 when a constraint refuses the data, changing nothing', async () => {
      const created = await create(ada);
      const again = await client.post('/user/', { json: { ...ada, name: 'Other' } });
      expect(await body(again)).toEqual([
        400,
        {
          status_code: 400,
          detail:
            'Integrity error on constraint "user_email_unique" of "user": a value that must be unique already exists.',
          error: 'HTTPException',
        },
      ]);
      const other = await create({ name: 'Bob', email: 'bob@example.com' });
      expect((await client.patch(`/user/${other.id}/`, { json: { email: ada.email } })).status).toBe(400);
      const orphan = { author: '00000000-0000-4000-8000-000000000000', title: 'x' };
      expect((await client.post('/post/', { json: orphan })).status).toBe(400);
      expect((await client.get(`/user/${created.id}/`)).status).toBe(200);
    });

    it('answers 400, never 500, for a value the database refuses', async () => {
      const response = await client.post('/user/', { json: { name: 'Nul\u0000', email: 'nul@example.com' } });
      expect((await body(response))[0]).toBe(400);
    });

    it('validates bodies', async () => {
      const response = await client.post('/user/', { json: { email: 'x' } });
      expect(await body(response)).toEqual([
        400,
        { status_code: 400, detail: { name: ['Required'] }, error: 'ValidationError' },
      ]);
    });
  });

  describe('listing', () => {
    it('paginates by page number, counting only when asked', async () => {
      await createUsers('e', 'c', 'a', 'd', 'b');
      const second = await page(
        await client.get('/user/', { query: { page: '2', page_size: '2', order: 'name' } }),
      );
      expect(second).toEqual({
        meta: { page: 2, page_size: 2, count: null },
        data: [expect.objectContaining({ name: 'c' }), expect.objectContaining({ name: 'd' })],
      });
      const counted = await page(await client.get('/user/', { query: { count: 'true', order: '-name' } }));
      expect(counted.meta).toEqual({ page: 1, page_size: 10, count: 5 });
      expect(counted.data.map((u) => u.name)).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect((await client.get('/user/', { query: { page_size: '101' } })).status).toBe(400);
    });

    it('paginates by limit and offset where the resource says so', async () => {
      const [author] = await createUsers('a');
      for (const title of ['x', 'y', 'z'])
        await client.post('/post/', { json: { author: author!.id, title } });
      const slice = await (
        await client.get('/post/', { query: { limit: '1', offset: '1', count: 'true' } })
      ).json();
      expect(slice).toEqual({
        meta: { limit: 1, offset: 1, count: 3 },
        data: [expect.objectContaining({ title: 'y' })],
      });
    });

    it("refuses the other kind of pagination's parameters with a 400 naming them, as any unknown one", async () => {
      const pageOnLimit = await client.get('/post/?page=-1&page_size=0');
      expect(pageOnLimit.status).toBe(400);
      expect(Object.keys(((await pageOnLimit.json()) as { detail: object }).detail)).toContain('page');
      const limitOnPage = await client.get('/user/?limit=abc&offset=-1');
      expect(limitOnPage.status).toBe(400);
      expect(Object.keys(((await limitOnPage.json()) as { detail: object }).detail)).toContain('limit');
    });

    it('filters with operators, negation and lists', async () => {
      await createUsers('ann', 'bob', 'carl', 'dan');
      await create({ name: '50%_off', email: 'x@example.com' });
      const names = async (query: string) =>
        (await page(await client.get(`/user/?order=name&${query}`))).data.map((u) => u.name);
      expect(await names('name=bob')).toEqual(['bob']);
      expect(await names('name=eq:bob')).toEqual(['bob']);
      expect(await names('name=gt:bob&name=lte:dan')).toEqual(['carl', 'dan']);
      expect(await names('name=in:ann&name=in:dan')).toEqual(['ann', 'dan']);
      expect(await names('name=not:in:ann&name=not:in:dan&active=true')).toEqual(['carl']);
      expect(await names('name=contains:a')).toEqual(['ann', 'carl', 'dan']);
      expect(await names('name=contains:%25_')).toEqual(['50%_off']);
      expect(await names('name=startswith:ca')).toEqual(['carl']);
      expect(await names('name=endswith:n')).toEqual(['ann', 'dan']);
      expect(await names('active=false&name=not:contains:%25')).toEqual(['bob', 'dan']);
      expect(await names('email=isnull')).toEqual([]);
      expect(await names('email=not:isnull&name=startswith:a')).toEqual(['ann']);
    });

    it('answers 400 for an unknown filter, operator or value, listing what exists', async () => {
      const detail = async (query: string) => {
        const response = await client.get(`/user/?${query}`);
        expect(response.status).toBe(400);
        return ((await response.json()) as { detail: Record<string, string[]> }).detail;
      };
      expect(await detail('emial=x')).toEqual({
        emial: [
          'Unknown query parameter: filter by id, name, email, active; the other parameters are page, page_size, count, order.',
        ],
      });
      expect(await detail('name=contians:x')).toEqual({
        name: [
          "Unknown operator 'contians': use one of eq, gt, gte, lt, lte, in, contains, startswith, endswith, isnull, or eq:contians:x for this exact value.",
        ],
      });
      expect(await detail('active=gt:true')).toEqual({
        active: ["Operator 'gt' does not apply to active: use one of eq, in, isnull."],
      });
      expect(await detail('active=maybe')).toEqual({
        active: ["Expected a boolean ('true', 'false', '1' or '0')"],
      });
      expect(await detail('id=in:nope')).toEqual({ id: ['Invalid UUID'] });
      expect(await detail('name=isnull:x')).toEqual({
        name: ["Operator 'isnull' takes no value: write isnull or not:isnull."],
      });
      expect(Object.keys(await detail('order=password'))).toEqual(['order']);
      expect(Object.keys(await detail('__proto__=x'))).toEqual(['__proto__']);
    });

    it('keeps ids and integers within their column, answering 400', async () => {
      expect((await client.get('/post/?score=gt:99999999999')).status).toBe(400);
    });
  });

  describe('collection operations', () => {
    it('replaces the whole collection, atomically', async () => {
      await createUsers('a', 'b');
      const replaced = await client.put('/user/', { json: [ada, { name: 'Bob', email: 'bob@example.com' }] });
      expect(await body(replaced)).toEqual([
        200,
        [expect.objectContaining(ada), expect.objectContaining({ name: 'Bob' })],
      ]);
      const clash = await client.put('/user/', {
        json: [
          { name: 'X', email: 'same@example.com' },
          { name: 'Y', email: 'same@example.com' },
        ],
      });
      expect(clash.status).toBe(400);
      const left = await page(await client.get('/user/', { query: { order: 'name' } }));
      expect(left.data.map((u) => u.name)).toEqual(['Ada', 'Bob']);
    });

    it('upserts the given items, atomically', async () => {
      const [author] = await createUsers('a');
      const post = (await (
        await client.post('/post/', { json: { author: author!.id, title: 'old' } })
      ).json()) as { id: number };
      const upserted = await client.patch('/post/', {
        json: [
          { id: post.id, author: author!.id, title: 'new' },
          { author: author!.id, title: 'added' },
        ],
      });
      expect(await body(upserted)).toEqual([
        200,
        [expect.objectContaining({ id: post.id, title: 'new' }), expect.objectContaining({ title: 'added' })],
      ]);
      const failing = await client.patch('/post/', {
        json: [
          { id: post.id, author: author!.id, title: 'lost' },
          { author: author!.id, title: 'bad', score: -1 },
        ],
      });
      expect(failing.status).toBe(400);
      expect(await body(await client.get(`/post/${post.id}/`))).toEqual([
        200,
        expect.objectContaining({ title: 'new' }),
      ]);
    });

    it('drops the items matching the filters, or all', async () => {
      await createUsers('a', 'b', 'c');
      expect(await body(await client.delete('/user/?active=true'))).toEqual([200, { deleted: 2 }]);
      expect(await body(await client.delete('/user/?name=zzz'))).toEqual([200, { deleted: 0 }]);
      expect((await client.delete('/user/?nope=1')).status).toBe(400);
      expect(await body(await client.delete('/user/'))).toEqual([200, { deleted: 1 }]);
    });
  });

  it('documents every route in a valid OpenAPI document', async () => {
    const document = app.openapi();
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(
      Object.fromEntries(
        Object.entries(document.paths).map(([path, item]) => [path, Object.keys(item).sort()]),
      ),
    ).toEqual({
      '/user/': ['delete', 'get', 'patch', 'post', 'put'],
      '/user/{id}/': ['delete', 'get', 'patch', 'put'],
      '/post/': ['delete', 'get', 'patch', 'post', 'put'],
      '/post/{id}/': ['delete', 'get', 'patch', 'put'],
    });
    const list = document.paths['/user/']!.get!;
    expect(list.parameters?.map((parameter) => parameter.name)).toEqual([
      'page',
      'page_size',
      'count',
      'order',
      'id',
      'name',
      'email',
      'active',
    ]);
  });
});
