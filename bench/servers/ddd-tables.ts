// The table and item schema both servers of the ddd benchmark serve (the seed's users, without secrets).
import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';

export const users = pgTable('user', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  email: text().notNull().unique(),
  active: boolean().notNull().default(false),
});

export const UserInput = z.object({
  name: z.string(),
  email: z.string(),
  active: z.boolean().default(false),
});
export const User = z
  .object({ id: z.uuid(), name: z.string(), email: z.string(), active: z.boolean() })
  .meta({ id: 'User' });

/** Set by ddd.bench.ts: PostgreSQL with the benchmark's own schema in `search_path`. */
export function benchDatabaseURL(): string {
  const url = process.env.BENCH_DDD_DATABASE_URL;
  if (!url) throw new Error('BENCH_DDD_DATABASE_URL is unset: run this server through `pnpm bench -- ddd`.');
  return url;
}
