import { fileURLToPath } from 'node:url';

/** PostgreSQL when DATABASE_URL says so (postgres://…); unset, embedded PGlite in .flama/db. */
export const databaseURL = process.env.DATABASE_URL;

/** The migrations drizzle-kit wrote from src/schema.ts (`pnpm generate`). */
export const migrations = fileURLToPath(new URL('../drizzle', import.meta.url));
