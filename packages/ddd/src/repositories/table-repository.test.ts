import { createRequire } from 'node:module';
import { and, eq, gt, SQL } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createTables } from '../database/create-tables';
import { IntegrityError, MultipleRecordsError, NotFoundError } from '../errors';
import { describeDatabases } from '../testing';
import {
  MembershipRepository,
  memberships,
  PostRepository,
  posts,
  UserRepository,
  users,
} from '../testing/blog';

describeDatabases('TableRepository', (db) => {
  let user: UserRepository;
  let post: PostRepository;

  beforeAll(async () => {
    await createTables(db.database, { users, posts, memberships });
    user = new UserRepository(db.database.drizzle);
    post = new PostRepository(db.database.drizzle);
  });

  beforeEach(async () => {
    await post.drop();
    await user.drop();
    await new MembershipRepository(db.database.drizzle).drop();
  });

  const ada = { name: 'Ada', email: 'ada@example.com' };
  const bob = { name: 'Bob', email: 'bob@example.com', active: true };

  describe('create', () => {
    it('returns the rows as stored, defaults included', async () => {
      const created = await user.create(ada, bob);
      expect(created).toEqual([
        { id: expect.any(String), ...ada, active: false },
        { id: expect.any(String), ...bob },
      ]);
      expect(await user.count()).toBe(2);
    });

    it('creates nothing from no rows', async () => {
      expect(await user.create()).toEqual([]);
    });

    it('turns a unique violation into an IntegrityError naming table and constraint, not the value', async () => {
      await user.create(ada);
      const error = await user.create({ ...ada, name: 'Other' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntegrityError);
      expect(error).toMatchObject({ violation: 'unique', table: 'user', constraint: 'user_email_unique' });
      expect((error as Error).message).not.toContain(ada.email);
      expect(await user.retrieve({ email: ada.email })).toMatchObject({ name: 'Ada' });
    });

    it('turns a foreign-key, not-null or check violation into an IntegrityError', async () => {
      const [author] = await user.create(ada);
      const missing = '00000000-0000-4000-8000-000000000000';
      await expect(post.create({ author: missing, title: 'x' })).rejects.toMatchObject({
        violation: 'foreign-key',
        table: 'post',
        constraint: 'post_author_user_id_fk',
      });
      await expect(
        post.create({ author: author!.id, title: null as unknown as string }),
      ).rejects.toMatchObject({
        violation: 'not-null',
        table: 'post',
      });
      await expect(post.create({ author: author!.id, title: 'x', score: -1 })).rejects.toMatchObject({
        violation: 'check',
        constraint: 'post_score_positive',
      });
    });

    it('refuses to delete a row still referenced', async () => {
      const [author] = await user.create(ada);
      await post.create({ author: author!.id, title: 'x' });
      await expect(user.delete({ id: author!.id })).rejects.toMatchObject({ violation: 'foreign-key' });
    });
  });

  describe('retrieve', () => {
    it('finds the one row matching columns or a drizzle condition', async () => {
      const [created] = await user.create(ada, bob);
      expect(await user.retrieve({ email: ada.email })).toEqual(created);
      expect(await user.retrieve(and(eq(users.name, 'Ada'), eq(users.active, false))!)).toEqual(created);
    });

    it('takes a condition built with drizzle’s CommonJS build too (a project that requires drizzle-orm)', async () => {
      const [created] = await user.create(ada, bob);
      const commonJS = createRequire(import.meta.url)('drizzle-orm') as typeof import('drizzle-orm');
      expect(commonJS.SQL).not.toBe(SQL);
      expect(await user.retrieve(commonJS.eq(users.name, 'Ada'))).toEqual(created);
    });

    it('reads null as IS NULL', async () => {
      const [author] = await user.create(ada);
      const [plain] = await post.create(
        { author: author!.id, title: 'plain' },
        { author: author!.id, title: 'x', summary: 's' },
      );
      expect(await post.retrieve({ summary: null })).toEqual(plain);
    });

    it('raises NotFoundError and MultipleRecordsError', async () => {
      await user.create(ada, { ...bob, active: false });
      await expect(user.retrieve({ email: 'nobody@example.com' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(user.retrieve({ active: false })).rejects.toBeInstanceOf(MultipleRecordsError);
    });

    it('refuses an undefined filter or an unknown column rather than widen the query', async () => {
      await expect(user.retrieve({ email: undefined })).rejects.toThrow('The filter "email" is undefined');
      const unknown = { emial: 'x' } as unknown as { email: string };
      await expect(user.retrieve(unknown)).rejects.toThrow('"user" has no column "emial"');
    });

    it('types filters from the table', () => {
      expectTypeOf(user.retrieve).parameter(0).toExtend<object>();
      // @ts-expect-error: no such column
      void (() => user.retrieve({ emial: 'ada@example.com' }));
      // @ts-expect-error: wrong value type
      void (() => user.retrieve({ active: 'yes' }));
      expectTypeOf<Awaited<ReturnType<typeof user.retrieve>>>().toEqualTypeOf<typeof users.$inferSelect>();
    });
  });

  describe('update', () => {
    it('returns the updated rows, or none', async () => {
      const [created] = await user.create(ada, bob);
      expect(await user.update({ active: true }, { id: created!.id })).toEqual([
        { ...created, active: true },
      ]);
      expect(await user.update({ name: 'X' }, { email: 'nobody@example.com' })).toEqual([]);
      expect(await user.update({ name: 'Same' }, {})).toHaveLength(2);
    });

    it('refuses an update with nothing to set', async () => {
      expect(() => user.update({ name: undefined }, {})).toThrow(TypeError);
    });

    it('turns a violation into an IntegrityError', async () => {
      await user.create(ada, bob);
      await expect(user.update({ email: ada.email }, { email: bob.email })).rejects.toBeInstanceOf(
        IntegrityError,
      );
    });
  });

  describe('delete', () => {
    it('deletes the one row matching', async () => {
      await user.create(ada, bob);
      await user.delete({ email: ada.email });
      expect((await user.list({}, { limit: 10 })).map((u) => u.name)).toEqual(['Bob']);
    });

    it('raises NotFoundError, and MultipleRecordsError deleting nothing', async () => {
      await user.create(ada, { ...bob, active: false });
      await expect(user.delete({ email: 'nobody@example.com' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(user.delete({ active: false })).rejects.toBeInstanceOf(MultipleRecordsError);
      expect(await user.count()).toBe(2);
    });
  });

  describe('list, stream, count and drop', () => {
    const names = ['e', 'c', 'a', 'd', 'b'];
    beforeEach(async () => {
      await user.create(
        ...names.map((name, i) => ({ name, email: `${name}@example.com`, active: i % 2 === 0 })),
      );
    });

    it('lists a page, ordered and filtered', async () => {
      const page = await user.list({}, { orderBy: 'name', limit: 2, offset: 1 });
      expect(page.map((u) => u.name)).toEqual(['b', 'c']);
      const active = await user.list({ active: true }, { orderBy: 'name', direction: 'desc', limit: 10 });
      expect(active.map((u) => u.name)).toEqual(['e', 'b', 'a']);
      expect(await user.list(gt(users.name, 'c'), { orderBy: 'name', limit: 10 })).toHaveLength(2);
    });

    it('orders ties by primary key, so pages never overlap', async () => {
      const byActive = async (offset: number) => user.list({}, { orderBy: 'active', limit: 2, offset });
      const pages = [...(await byActive(0)), ...(await byActive(2)), ...(await byActive(4))];
      expect(new Set(pages.map((u) => u.id)).size).toBe(5);
    });

    it('streams every row matching in batches', async () => {
      const streamed: string[] = [];
      for await (const row of user.stream({}, { batchSize: 2 })) streamed.push(row.name);
      expect(streamed.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
      const active: string[] = [];
      for await (const row of user.stream({ active: true }, { batchSize: 1 })) active.push(row.name);
      expect(active.sort()).toEqual(['a', 'b', 'e']);
    });

    it('streams a table with a composite primary key', async () => {
      const membership = new MembershipRepository(db.database.drizzle);
      await membership.create(
        { group: 'b', member: 1 },
        { group: 'a', member: 2 },
        { group: 'a', member: 1 },
        { group: 'b', member: 0 },
      );
      const streamed: string[] = [];
      for await (const row of membership.stream(undefined, { batchSize: 3 }))
        streamed.push(`${row.group}${row.member}`);
      expect(streamed).toEqual(['a1', 'a2', 'b0', 'b1']);
    });

    it('counts and drops, with filters or all', async () => {
      expect(await user.count()).toBe(5);
      expect(await user.count({ active: true })).toBe(3);
      expect(await user.countActive()).toBe(3);
      expect(await user.drop({ active: true })).toBe(3);
      expect(await user.drop({ active: true })).toBe(0);
      expect(await user.drop()).toBe(2);
      expect(await user.count()).toBe(0);
    });
  });
});
