import { type Component, component } from '@flama/injection';
import type { Module } from '@flama/routing';
import { Database } from './database';
import { parseDatabaseURL } from './database-url';

export interface DatabaseModuleOptions {
  /** A drizzle-kit migrations folder applied at startup (only what has not run yet). */
  migrations?: string;
}

/**
 * Connects an app to its database at startup and disconnects at shutdown, and provides the `Database` to
 * components and handlers. `url`: `postgres://…`, `pglite://memory`, `pglite://<dir>`, or nothing (or `''`) for
 * embedded PGlite in `.flama/db` under the working directory.
 */
export class DatabaseModule implements Module {
  readonly name = 'database';
  readonly components: readonly Component[];
  private connected: Database | undefined;

  constructor(
    readonly url?: string,
    private readonly options: DatabaseModuleOptions = {},
  ) {
    this.components = [component({ provides: Database, scope: 'singleton', resolve: () => this.database })];
  }

  /**
   * Why this app can run in one process only, when its database is embedded PGlite (a directory allows one
   * process; an in-memory database is the process's own); undefined for PostgreSQL (or an unsupported URL,
   * which fails at startup). A server starting several workers reads it from the app's modules.
   */
  get singleProcess(): string | undefined {
    let target: ReturnType<typeof parseDatabaseURL>;
    try {
      target = parseDatabaseURL(this.url);
    } catch {
      return undefined;
    }
    if (target.kind === 'postgres') return undefined;
    return target.dataDir
      ? `the embedded PGlite database in ${target.dataDir} allows one process`
      : 'the in-memory PGlite database lives in one process';
  }

  /** The connected database; throws before startup and after shutdown. */
  get database(): Database {
    if (!this.connected) throw new Error('The database is not connected: start the app first.');
    return this.connected;
  }

  async startup(): Promise<void> {
    const database = await Database.connect(this.url);
    try {
      if (this.options.migrations) await database.migrate(this.options.migrations);
    } catch (error) {
      await database.close();
      throw error;
    }
    this.connected = database;
  }

  async shutdown(): Promise<void> {
    const database = this.connected;
    this.connected = undefined;
    await database?.close();
  }
}
