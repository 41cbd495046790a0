import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, StartupError, testClient } from '@flama/routing';
import { pgTable, serial, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabases } from '../testing';
import { PostRepository, posts, UserRepository, users } from '../testing/blog';
import { createTables } from './create-tables';
import { Database } from './database';
import { DatabaseModule } from './database-module';

const notes = pgTable('note', { id: serial().primaryKey(), text: text().notNull() });

/** A drizzle-kit migrations folder (as `drizzle-kit generate` writes it) creating the note table. */
async function noteMigrations(parent: string): Promise<string> {
  const folder = join(parent, 'migrations');
  await mkdir(join(folder, 'meta'), { recursive: true });
  const entry = { idx: 0, version: '7', when: 1, tag: '0000_init', breakpoints: true };
  await writeFile(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries: [entry] }),
  );
  await writeFile(
    join(folder, '0000_init.sql'),
    'CREATE TABLE "note" ("id" serial PRIMARY KEY, "text" text NOT NULL);',
  );
  return folder;
}

describe('DatabaseModule', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'flama-ddd-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('connects at startup, provides the Database, and disconnects at shutdown', async () => {
    const module = new DatabaseModule(`pglite://${join(directory, 'lifecycle')}`);
    const app = new App({ modules: [module] });
    app.get('/', { inject: { database: Database } }, async ({ database }) => {
      await createTables(database, { users });
      return new UserRepository(database.drizzle).count();
    });
    const client = await testClient(app);
    expect(await (await client.get('/')).json()).toBe(0);
    expect(module.database.kind).toBe('pglite');
    await client.close();
    expect(() => module.database).toThrow('The database is not connected');
  });

  it('defaults to PGlite persisted in .flama/db under the working directory, created on first use', async () => {
    const cwd = process.cwd();
    process.chdir(directory);
    try {
      const first = await Database.connect();
      await createTables(first, { users });
      await new UserRepository(first.drizzle).create({ name: 'Ada', email: 'ada@example.com' });
      await first.close();
      expect((await stat(join(directory, '.flama', 'db'))).isDirectory()).toBe(true);
      const again = await Database.connect('');
      expect(await new UserRepository(again.drizzle).count()).toBe(1);
      await again.close();
    } finally {
      process.chdir(cwd);
    }
  });

  it('fails startup with a clear message, and no password, when PostgreSQL cannot be reached', async () => {
    const app = new App({
      title: 'Shop',
      modules: [new DatabaseModule('postgres://shop:s3cr3t@127.0.0.1:1/shop')],
    });
    const error = await app.startup().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(
      /^Shop failed to start: Could not connect to PostgreSQL at postgres:\/\/shop:\*\*\*@127\.0\.0\.1:1\/shop: .*ECONNREFUSED/,
    );
    expect((error as Error).message).not.toContain('s3cr3t');
  });

  it('applies migrations at startup', async () => {
    const module = new DatabaseModule(`pglite://${join(directory, 'migrated')}`, {
      migrations: await noteMigrations(directory),
    });
    await module.startup();
    await module.database.drizzle.insert(notes).values({ text: 'kept' });
    await module.shutdown();
    await module.startup();
    expect(await module.database.drizzle.$count(notes)).toBe(1);
    await module.shutdown();
  });

  it('fails startup when the embedded database cannot be opened', async () => {
    const file = join(directory, 'a-file');
    await writeFile(file, '');
    const app = new App({ modules: [new DatabaseModule(`pglite://${file}/db`)] });
    await expect(app.startup()).rejects.toThrow(`Could not open the embedded PGlite database in ${file}/db`);
  });

  it('fails startup on an unsupported URL', async () => {
    const app = new App({ modules: [new DatabaseModule('mysql://localhost/db')] });
    await expect(app.startup()).rejects.toThrow(/Unsupported database URL "mysql:\/\/localhost\/db"/);
  });
});

describeDatabases('Schema creation', (db) => {
  let directory: string;
  let migrations: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'flama-ddd-'));
    migrations = await noteMigrations(directory);
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('applies drizzle-kit migrations once, however often it runs', async () => {
    await db.database.migrate(migrations);
    await db.database.drizzle.insert(notes).values({ text: 'hello' });
    await db.database.migrate(migrations);
    expect(await db.database.drizzle.$count(notes)).toBe(1);
  });

  it('creates the tables of a schema where missing, idempotently', async () => {
    await createTables(db.database, { users });
    await new UserRepository(db.database.drizzle).create({ name: 'Ada', email: 'ada@example.com' });
    // Again, with a table referencing the first (its foreign key, its check) now created too.
    await createTables(db.database, { users, posts });
    await createTables(db.database, { users, posts });
    expect(await new UserRepository(db.database.drizzle).count()).toBe(1);
    expect(await new PostRepository(db.database.drizzle).count()).toBe(0);
  });
});
