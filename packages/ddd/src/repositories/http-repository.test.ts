import { value } from '@flama/injection';
import { App, type SocketServer, serveOnSocket } from '@flama/routing';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { crudResource } from '../crud/crud-resource';
import { createTables } from '../database/create-tables';
import { Database } from '../database/database';
import { IntegrityError, MultipleRecordsError, NotFoundError } from '../errors';
import { posts, users } from '../testing/blog';
import { HTTPRepository, HTTPRepositoryError } from './http-repository';

const User = z.object({ id: z.uuid(), name: z.string(), email: z.string(), active: z.boolean() });
const UserInput = User.omit({ id: true }).extend({ active: z.boolean().default(false) });
const Post = z.object({
  id: z.int(),
  author: z.uuid(),
  title: z.string(),
  score: z.int(),
  summary: z.string().nullable(),
});
const PostInput = Post.partial({ id: true, score: true, summary: true });

describe('HTTPRepository, against a CRUD resource over a socket', () => {
  let database: Database;
  let served: SocketServer;
  let user: HTTPRepository<typeof User>;
  let post: HTTPRepository<typeof Post>;
  const app = new App();
  app.resources.addResource(
    '/user/',
    crudResource({ name: 'user', table: users, input: UserInput, output: User }),
  );
  app.resources.addResource(
    '/post/',
    crudResource({ name: 'post', table: posts, input: PostInput, output: Post, pagination: 'limit-offset' }),
  );

  beforeAll(async () => {
    database = await Database.connect('pglite://memory');
    await createTables(database, { users, posts });
    app.addComponent(value(Database, database));
    served = await serveOnSocket(app);
    user = new HTTPRepository({ url: `${served.url}/user/`, schema: User });
    post = new HTTPRepository({ url: `${served.url}/post`, schema: Post, pagination: 'limit-offset' });
  });

  afterAll(async () => {
    await served?.close();
    await database?.close();
  });

  beforeEach(async () => {
    await post.drop();
    await user.drop();
  });

  const people = (...names: string[]) =>
    user.create(...names.map((name, i) => ({ name, email: `${name}@example.com`, active: i % 2 === 0 })));

  it('creates, retrieves, updates and deletes', async () => {
    const [ada] = await user.create({ name: 'Ada', email: 'ada@example.com' });
    expectTypeOf(ada!).toEqualTypeOf<z.output<typeof User>>();
    expect(ada).toEqual({ id: expect.any(String), name: 'Ada', email: 'ada@example.com', active: false });
    expect(await user.retrieve({ id: ada!.id })).toEqual(ada);
    expect(await user.retrieve({ email: 'ada@example.com' })).toEqual(ada);
    expect(await user.update({ active: true }, { email: 'ada@example.com' })).toEqual([
      { ...ada, active: true },
    ]);
    await user.delete({ id: ada!.id });
    await expect(user.retrieve({ id: ada!.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(user.delete({ id: ada!.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('maps refused writes to IntegrityError, and finding several to MultipleRecordsError', async () => {
    await people('a', 'b', 'c');
    await expect(user.create({ name: 'x', email: 'a@example.com' })).rejects.toBeInstanceOf(IntegrityError);
    await expect(user.retrieve({ active: true })).rejects.toBeInstanceOf(MultipleRecordsError);
    const [a] = await user.list({ name: 'a' }, { limit: 1 });
    await expect(post.create({ author: a!.id, title: 't', score: -1 })).rejects.toBeInstanceOf(
      IntegrityError,
    );
  });

  it('lists pages by page number and by limit-offset, ordered and filtered', async () => {
    await people('e', 'c', 'a', 'd', 'b', 'f', 'g');
    const names = (items: { name: string }[]) => items.map((item) => item.name).join('');
    expect(names(await user.list({}, { orderBy: 'name', limit: 3, offset: 2 }))).toBe('cde');
    expect(names(await user.list({}, { orderBy: 'name', limit: 3, offset: 3 }))).toBe('def');
    expect(names(await user.list({ active: true }, { orderBy: 'name', direction: 'desc', limit: 10 }))).toBe(
      'geba',
    );
    const [author] = await user.list({ name: 'a' }, { limit: 1 });
    for (const title of ['p', 'q', 'r']) await post.create({ author: author!.id, title });
    const titles = await post.list({ author: author!.id }, { orderBy: 'title', limit: 2, offset: 1 });
    expect(titles.map((item) => item.title)).toEqual(['q', 'r']);
    expect(await post.list({ summary: null }, { limit: 10 })).toHaveLength(3);
  });

  it('streams, counts and drops', async () => {
    await people(...'abcdefghij'.split(''));
    const streamed: string[] = [];
    for await (const item of user.stream({}, { batchSize: 3 })) streamed.push(item.name);
    expect(streamed.sort().join('')).toBe('abcdefghij');
    expect(await user.count()).toBe(10);
    expect(await user.count({ active: true })).toBe(5);
    expect(await user.drop({ active: true })).toBe(5);
    expect(await user.drop()).toBe(5);
  });

  it('reports what is not a CRUD answer as an HTTPRepositoryError', async () => {
    await expect(user.list({ nope: 1 } as never, { limit: 1 })).rejects.toBeInstanceOf(HTTPRepositoryError);
    const odd = new HTTPRepository({
      url: 'http://127.0.0.1:1/x/',
      schema: User,
      fetch: async () => Response.json({ data: [{}] }),
    });
    await expect(odd.list({}, { limit: 1 })).rejects.toThrow(/an item its schema rejects/);
  });
});
