import { drizzleOrm } from '../optional-package';
import type { Connection, Database } from './database';

// SQLSTATEs of "already exists": a table or index (42P07), a type or constraint (42710), a schema (42P06).
const ALREADY_EXISTS = new Set(['42P07', '42710', '42P06']);

/**
 * Creates what a drizzle schema declares (tables, enums, indexes, foreign keys) where it is missing, in one
 * transaction: the one-call "create all" for tests, examples and scripts. Pass the schema module
 * (`import * as schema from './schema'`) or an object of its tables and enums. Needs drizzle-kit (a dev
 * dependency is enough), which writes the SQL; apps that evolve their schema use migrations instead.
 */
export async function createTables(database: Database, schema: Record<string, unknown>): Promise<void> {
  const statements = await createStatements(schema);
  await database.transaction(async (transaction) => {
    for (const statement of statements) await executeUnlessExists(transaction, statement);
  });
}

async function createStatements(schema: Record<string, unknown>): Promise<string[]> {
  let kit: typeof import('drizzle-kit/api');
  try {
    kit = await import('drizzle-kit/api');
  } catch (error) {
    throw new Error('createTables needs drizzle-kit: add it with `pnpm add -D drizzle-kit@0.31`.', {
      cause: error,
    });
  }
  const statements = await kit.generateMigration(
    kit.generateDrizzleJson({}),
    kit.generateDrizzleJson(schema),
  );
  // drizzle-kit names a table declared without a schema "public" in references, where the tables themselves are
  // created unqualified (in the search_path's schema): reference them the same way.
  return statements.map((statement) => statement.replaceAll('REFERENCES "public".', 'REFERENCES '));
}

/** Runs one statement in a savepoint, so that "already exists" skips it without aborting the transaction. */
async function executeUnlessExists(transaction: Connection, statement: string): Promise<void> {
  try {
    await transaction.transaction((savepoint) => savepoint.execute(drizzleOrm().sql.raw(statement)));
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (typeof code !== 'string' || !ALREADY_EXISTS.has(code)) throw error;
  }
}
