import { resolve } from 'node:path';

/** Where a database lives, read from its URL. */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  /** `dataDir` undefined: in memory, gone when closed. */
  | { kind: 'pglite'; dataDir: string | undefined };

/** Embedded PGlite's home when no URL is given, under the working directory. */
export const DEFAULT_PGLITE_DIR = '.flama/db';

/** The URL is not one this package can connect to. */
export class DatabaseURLError extends Error {
  override name = 'DatabaseURLError';
}

/**
 * `postgres://…` (or `postgresql://…`): a PostgreSQL server. Nothing or `''`: embedded PGlite persisted in
 * `.flama/db`. `pglite://memory`: a throwaway in-memory PGlite. `pglite://<dir>`: PGlite persisted in `<dir>`.
 * Relative directories are relative to `cwd`.
 */
export function parseDatabaseURL(url: string | undefined, cwd = process.cwd()): DatabaseTarget {
  if (url === undefined || url === '') return { kind: 'pglite', dataDir: resolve(cwd, DEFAULT_PGLITE_DIR) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url.startsWith('pglite://')) {
    const location = url.slice('pglite://'.length);
    if (location === 'memory') return { kind: 'pglite', dataDir: undefined };
    if (location !== '') return { kind: 'pglite', dataDir: resolve(cwd, location) };
  }
  throw new DatabaseURLError(
    `Unsupported database URL "${redactURL(url)}": use postgres://user@host:port/database, pglite://memory, ` +
      `pglite://<directory>, or none for an embedded database in ${DEFAULT_PGLITE_DIR}.`,
  );
}

/** The URL without its password, for messages and logs. */
export function redactURL(url: string): string {
  return url.replace(/^([a-z][\w+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
