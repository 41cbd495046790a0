import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { connectPGlite, connectPostgres } from './connect';
import { type DatabaseTarget, parseDatabaseURL } from './database-url';

/** A drizzle database or transaction: what repositories run their queries on. */
export type Connection = PgDatabase<PgQueryResultHKT>;

/** What a driver gives a Database: its drizzle instance and how to migrate and close it. */
export interface DatabaseDriver {
  readonly drizzle: Connection;
  /** Applies drizzle-kit migrations, keeping their journal in the connection's current schema. */
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A connected database: PostgreSQL through postgres.js (a pool) or embedded PGlite (one connection, so its
 * transactions run one at a time). Usable alone, in a script, or provided to an app by the DatabaseModule.
 */
export class Database {
  private closing: Promise<void> | undefined;

  constructor(
    readonly kind: DatabaseTarget['kind'],
    private readonly driver: DatabaseDriver,
  ) {}

  /** Connects to `url` (see `parseDatabaseURL`): PostgreSQL, or PGlite in `.flama/db` when none is given. */
  static async connect(url?: string): Promise<Database> {
    const target = parseDatabaseURL(url);
    const driver =
      target.kind === 'postgres' ? await connectPostgres(target.url) : await connectPGlite(target.dataDir);
    return new Database(target.kind, driver);
  }

  /** The drizzle instance, for queries of your own outside any unit of work. */
  get drizzle(): Connection {
    return this.driver.drizzle;
  }

  /** Runs `work` in one transaction: commits when it resolves, rolls back and rethrows when it throws. */
  transaction<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
    return this.driver.drizzle.transaction(work);
  }

  /** Applies the drizzle-kit migrations in `folder` that have not run yet (idempotent). */
  migrate(folder: string): Promise<void> {
    return this.driver.migrate(folder);
  }

  close(): Promise<void> {
    this.closing ??= this.driver.close();
    return this.closing;
  }
}
