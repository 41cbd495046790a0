import { value } from '@flama/injection';
import { App, testClient } from '@flama/routing';
import { beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createTables } from '../database/create-tables';
import { Database } from '../database/database';
import { IntegrityError } from '../errors';
import { describeDatabases } from '../testing';
import { BlogWorker, PostRepository, UserRepository, users } from '../testing/blog';
import { Worker } from './worker';
import { WorkerComponent } from './worker-component';

describeDatabases('Worker', (db) => {
  let worker: BlogWorker;

  beforeAll(async () => {
    await createTables(db.database, { users });
    worker = new BlogWorker(db.database);
  });

  beforeEach(async () => {
    await new UserRepository(db.database.drizzle).drop();
  });

  const ada = { name: 'Ada', email: 'ada@example.com' };
  const bob = { name: 'Bob', email: 'bob@example.com', active: true };

  it('gives the run its declared repositories, typed', async () => {
    await worker.run(async (repositories) => {
      expectTypeOf(repositories).toEqualTypeOf<{ user: UserRepository; post: PostRepository }>();
      expect(repositories.user).toBeInstanceOf(UserRepository);
      expect(repositories.post).toBeInstanceOf(PostRepository);
    });
  });

  it('commits when the run returns, and returns its result', async () => {
    const created = await worker.run(async ({ user }) => user.create(ada, bob));
    expect(created).toHaveLength(2);
    expect(await new UserRepository(db.database.drizzle).count()).toBe(2);
  });

  it('rolls back everything when the run throws, and rethrows the error', async () => {
    const failure = new Error('after two writes');
    const error = await worker
      .run(async ({ user }) => {
        await user.create(ada);
        await user.create(bob);
        throw failure;
      })
      .catch((e: unknown) => e);
    expect(error).toBe(failure);
    expect(await new UserRepository(db.database.drizzle).count()).toBe(0);
  });

  it('rolls back the earlier writes when a later one violates a constraint', async () => {
    const error = await worker
      .run(async ({ user }) => user.create(ada).then(() => user.create(ada)))
      .catch((e) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(await new UserRepository(db.database.drizzle).count()).toBe(0);
  });

  it('runs custom repository methods in the same transaction', async () => {
    const active = await worker.run(async ({ user }) => {
      await user.create(ada, bob);
      return user.countActive();
    });
    expect(active).toBe(1);
  });

  it('is provided per request by WorkerComponent, on the DatabaseModule’s database', async () => {
    const app = new App({ components: [value(Database, db.database), new WorkerComponent(BlogWorker)] });
    const seen = new Set<BlogWorker>();
    app.post('/users/', { inject: { worker: BlogWorker } }, async ({ worker }) => {
      seen.add(worker);
      return worker.run(
        async ({ user }) => (await user.create({ ...ada, email: `${seen.size}@example.com` }))[0],
      );
    });
    const client = await testClient(app);
    try {
      expect((await client.post('/users/')).status).toBe(200);
      expect((await client.post('/users/')).status).toBe(200);
      expect(seen.size).toBe(2);
      expect(await new UserRepository(db.database.drizzle).count()).toBe(2);
    } finally {
      await client.close();
    }
  });

  if (db.kind === 'postgres') {
    it('runs units of work concurrently, each isolated until it commits', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => {
        written = resolve;
      });
      const first = worker.run(async ({ user }) => {
        await user.create(ada);
        written();
        await held;
      });
      await wrote;
      // The first unit of work is still open: a second one runs to the end meanwhile, without seeing its row.
      const seen = await worker.run(async ({ user }) => {
        await user.create(bob);
        return user.count();
      });
      expect(seen).toBe(1);
      release();
      await first;
      expect(await new UserRepository(db.database.drizzle).count()).toBe(2);
    });
  }
});

describe('Worker without a database', () => {
  class Counter {
    static made = 0;
    readonly serial = ++Counter.made;
  }
  class CountingWorker extends Worker {
    counter = this.repository(Counter);
  }

  it('runs each unit of work with fresh repositories and no transaction', async () => {
    const worker = new CountingWorker();
    const first = await worker.run(async ({ counter }) => counter.serial);
    const second = await worker.run(async ({ counter }) => counter.serial);
    expect(second).toBe(first + 1);
  });

  it('says so when a table repository needs the database it lacks', async () => {
    await expect(new BlogWorker().run(async () => undefined)).rejects.toThrow(
      'UserRepository needs a connection: database.drizzle, or a worker given a Database (new MyWorker(database)).',
    );
  });
});
