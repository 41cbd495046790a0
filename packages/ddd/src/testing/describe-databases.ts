import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { Database } from '../database/database';
import { drizzleOrm } from '../optional-package';

export interface TestDatabase {
  readonly kind: 'pglite' | 'postgres';
  /** This suite's own database: PGlite in memory, or PostgreSQL (DATABASE_URL) in a schema of its own. */
  readonly url: string;
  /** Connected to `url` before the suite's tests, closed after them (unless `connect: false`). */
  readonly database: Database;
}

export interface DescribeDatabasesOptions {
  /** Connect `database` in this process (default true); false when only `url` is needed, e.g. by a subprocess. */
  connect?: boolean;
}

/**
 * Declares `suite` twice: on PGlite, and on the PostgreSQL server at DATABASE_URL — reported as skipped when
 * DATABASE_URL is unset. On PostgreSQL the suite gets a schema of its own (through `search_path`), dropped
 * afterwards, so that runs never collide.
 */
export function describeDatabases(
  name: string,
  suite: (database: TestDatabase) => void,
  options: DescribeDatabasesOptions = {},
): void {
  describe(`${name} on PGlite`, () => suite(testDatabase('pglite', options)));
  const server = process.env.DATABASE_URL;
  describe.skipIf(!server)(`${name} on PostgreSQL`, () => suite(testDatabase('postgres', options, server)));
}

function testDatabase(
  kind: TestDatabase['kind'],
  options: DescribeDatabasesOptions,
  server?: string,
): TestDatabase {
  let url: string | undefined;
  let database: Database | undefined;
  let admin: Database | undefined;
  const schema = `flama_test_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    if (kind === 'postgres') {
      admin = await Database.connect(server);
      await admin.drizzle.execute(drizzleOrm().sql.raw(`create schema "${schema}"`));
      const withSchema = new URL(server!);
      withSchema.searchParams.set('search_path', schema);
      url = withSchema.href;
    } else url = 'pglite://memory';
    if (options.connect !== false) database = await Database.connect(url);
  });

  afterAll(async () => {
    await database?.close();
    await admin?.drizzle.execute(drizzleOrm().sql.raw(`drop schema if exists "${schema}" cascade`));
    await admin?.close();
  });

  return {
    kind,
    get url() {
      if (!url) throw new Error('The test database is ready only inside tests and hooks.');
      return url;
    },
    get database() {
      if (!database)
        throw new Error('The test database is connected only inside tests and hooks (connect: true).');
      return database;
    },
  };
}
