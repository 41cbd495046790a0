import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { requirePackages } from '../optional-package';
import { DatabaseConnectionError, DatabaseInUseError } from './connection-errors';
import type { DatabaseDriver } from './database';
import { redactURL } from './database-url';
import { lockDirectory } from './directory-lock';

/** A postgres.js pool, checked with one query so that an unreachable server fails now, not at the first request. */
export async function connectPostgres(url: string): Promise<DatabaseDriver> {
  // Drivers load when a database is opened: importing @flama/ddd (or `flama`) costs nothing until then, and
  // works without them (they are optional peer dependencies).
  requirePackages(['drizzle-orm', 'postgres'], 'A PostgreSQL database (postgres://…)');
  const [{ default: postgres }, { drizzle: postgresDrizzle }, { migrate: postgresMigrate }] =
    await Promise.all([
      import('postgres'),
      import('drizzle-orm/postgres-js'),
      import('drizzle-orm/postgres-js/migrator'),
    ]);
  const client = postgres(url, { onnotice: () => {} });
  let schema: string;
  try {
    const [row] = await client<{ schema: string }[]>`select current_schema() as schema`;
    schema = row!.schema;
  } catch (error) {
    await client.end({ timeout: 0 });
    throw new DatabaseConnectionError(
      `Could not connect to PostgreSQL at ${redactURL(url)}: ${reason(error)}`,
    );
  }
  const drizzle = postgresDrizzle({ client });
  return {
    drizzle,
    migrate: (folder) => postgresMigrate(drizzle, { migrationsFolder: folder, migrationsSchema: schema }),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Embedded PostgreSQL: in memory when `dataDir` is undefined, else persisted there (created if missing) and
 * locked for this process until closed: a second process opening it would lose writes.
 */
export async function connectPGlite(dataDir: string | undefined): Promise<DatabaseDriver> {
  requirePackages(
    ['drizzle-orm', '@electric-sql/pglite'],
    'The embedded PGlite database (pglite://…, the default)',
  );
  const [{ PGlite }, { drizzle: pgliteDrizzle }, { migrate: pgliteMigrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  let client: PGlite;
  let unlock = async () => {};
  try {
    if (dataDir) {
      await mkdir(dataDir, { recursive: true });
      unlock = await lockDirectory(dataDir);
    }
    client = await PGlite.create(dataDir);
  } catch (error) {
    await unlock();
    if (error instanceof DatabaseInUseError) throw error;
    const where = dataDir ? `in ${dataDir}` : 'in memory';
    throw new DatabaseConnectionError(
      `Could not open the embedded PGlite database ${where}: ${reason(error)}`,
    );
  }
  const drizzle = pgliteDrizzle({ client });
  return {
    drizzle,
    migrate: (folder) => pgliteMigrate(drizzle, { migrationsFolder: folder, migrationsSchema: 'public' }),
    close: async () => {
      try {
        await client.close();
      } finally {
        await unlock();
      }
    },
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
