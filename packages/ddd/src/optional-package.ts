import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { requireNode } from '@flama/routing';

/**
 * A package of the SQL stack (drizzle-orm, postgres, @electric-sql/pglite), optional peer dependencies of
 * @flama/ddd, is not installed. Repositories, workers, HTTPRepository and the errors work without them.
 */
export class MissingSQLPackageError extends Error {
  override name = 'MissingSQLPackageError';

  constructor(
    readonly packages: readonly string[],
    feature: string,
  ) {
    super(`${feature} needs ${packages.join(' and ')}: npm install ${packages.join(' ')}`);
  }
}

/** What drizzle-orm serves, as the message of a missing drizzle-orm says. */
const TABLES = 'A table repository (TableRepository, crudResource, PostgresRevocationStore)';

let require: NodeJS.Require | undefined;
let orm: typeof import('drizzle-orm') | undefined;
let pgCore: typeof import('drizzle-orm/pg-core') | undefined;

/** drizzle-orm, loaded when a table is first queried (or described) rather than when @flama/ddd is imported. */
export function drizzleOrm(): typeof import('drizzle-orm') {
  orm ??= load<typeof import('drizzle-orm')>('drizzle-orm', 'drizzle-orm', TABLES);
  return orm;
}

/** drizzle-orm's PostgreSQL dialect, loaded as drizzle-orm is. */
export function drizzlePgCore(): typeof import('drizzle-orm/pg-core') {
  pgCore ??= load<typeof import('drizzle-orm/pg-core')>('drizzle-orm/pg-core', 'drizzle-orm', TABLES);
  return pgCore;
}

/** Throws a MissingSQLPackageError naming every one of `packages` that can't be found (none: returns). */
export function requirePackages(packages: readonly string[], feature: string): void {
  requireSqlRuntime(feature);
  const missing = packages.filter((name) => resolve(name) === undefined);
  if (missing.length > 0) throw new MissingSQLPackageError(missing, feature);
}

/**
 * Loads `specifier` synchronously, as the ES module an `import` gets: the very instance the app's own imports
 * share (drizzle's classes and symbols are then one), where `require` alone would get the CommonJS build.
 */
function load<T>(specifier: string, name: string, feature: string): T {
  requireSqlRuntime(feature);
  const url = resolve(specifier);
  if (url === undefined) throw new MissingSQLPackageError([name], feature);
  require ??= createRequire(import.meta.url);
  return require(fileURLToPath(url)) as T;
}

/** The SQL stack is tested on Node only: elsewhere it stops here, with a NodeOnlyError saying what still works. */
function requireSqlRuntime(feature: string): void {
  requireNode(
    `${feature} (@flama/ddd's SQL stack: drizzle-orm with postgres.js or PGlite)`,
    'repositories in memory or over HTTP, workers and the errors work on any runtime; serve the database from Node.',
  );
}

/** The URL `specifier` resolves to from @flama/ddd, or undefined when its package is not installed. */
function resolve(specifier: string): string | undefined {
  try {
    return import.meta.resolve(specifier);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}
