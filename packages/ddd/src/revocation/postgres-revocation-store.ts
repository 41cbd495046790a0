import { Database } from '../database/database';
import type { DatabaseModule } from '../database/database-module';
import { drizzleOrm, drizzlePgCore } from '../optional-package';

function revokedTokensOf(pgCore: typeof import('drizzle-orm/pg-core')) {
  const { pgTable, text, timestamp } = pgCore;
  return pgTable('flama_revoked_token', {
    jti: text().primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  });
}

export type RevokedTokensTable = ReturnType<typeof revokedTokensOf>;
let table: RevokedTokensTable | undefined;

/**
 * The table of revoked token ids until their tokens expire (built on first call, when drizzle-orm loads). Export
 * it from your drizzle schema to manage it with migrations: `export const revokedTokens = revokedTokensTable();`.
 */
export function revokedTokensTable(): RevokedTokensTable {
  table ??= revokedTokensOf(drizzlePgCore());
  return table;
}

const CREATE_TABLE = `create table if not exists flama_revoked_token (
  jti text primary key,
  expires_at timestamp with time zone not null
)`;

const seconds = (time: number) => new Date(time * 1000);

/**
 * Where refresh tokens used once are remembered, in PostgreSQL (or PGlite), so that every process serving the
 * app refuses a second use. It has the shape @flama/auth's token rotation expects of a revocation store.
 */
export class PostgresRevocationStore {
  constructor(
    /** The database, or the app's DatabaseModule (read once the app has started). */
    private readonly source: Database | DatabaseModule,
    /** Seconds since the epoch, as in a token's `exp`. */
    private readonly now: () => number = () => Date.now() / 1000,
  ) {}

  /** Creates the table if it is missing (or add `revokedTokens` to your migrations). */
  async createTable(): Promise<void> {
    await this.database.drizzle.execute(drizzleOrm().sql.raw(CREATE_TABLE));
  }

  /** Revokes `jti` until `expiresAt` (seconds since the epoch); false when it was revoked already. */
  async revoke(jti: string, expiresAt: number): Promise<boolean> {
    const revokedTokens = revokedTokensTable();
    const inserted = await this.database.drizzle
      .insert(revokedTokens)
      .values({ jti, expiresAt: seconds(expiresAt) })
      .onConflictDoUpdate({
        target: revokedTokens.jti,
        set: { expiresAt: seconds(expiresAt) },
        // A revocation that has expired is forgotten: only then may the id be revoked anew.
        setWhere: drizzleOrm().lte(revokedTokens.expiresAt, seconds(this.now())),
      })
      .returning({ jti: revokedTokens.jti });
    return inserted.length === 1;
  }

  async isRevoked(jti: string): Promise<boolean> {
    const now = seconds(this.now());
    const revokedTokens = revokedTokensTable();
    const { and, eq, gt } = drizzleOrm();
    const where = and(eq(revokedTokens.jti, jti), gt(revokedTokens.expiresAt, now));
    return (await this.database.drizzle.$count(revokedTokens, where)) > 0;
  }

  /** Deletes the revocations whose tokens have expired; returns how many. */
  async purge(): Promise<number> {
    const revokedTokens = revokedTokensTable();
    const expired = await this.database.drizzle
      .delete(revokedTokens)
      .where(drizzleOrm().lte(revokedTokens.expiresAt, seconds(this.now())))
      .returning({ jti: revokedTokens.jti });
    return expired.length;
  }

  private get database(): Database {
    return this.source instanceof Database ? this.source : this.source.database;
  }
}
