import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const hideSQLStack = fileURLToPath(new URL('./testing/hide-sql-stack.mjs', import.meta.url));
const script = fileURLToPath(new URL('./testing/without-sql-stack.ts', import.meta.url));

it('works without drizzle-orm, postgres and PGlite, and names them where they are needed', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--import',
    hideSQLStack,
    '--import',
    'tsx',
    script,
  ]);
  expect(JSON.parse(stdout)).toEqual({
    created: [{ id: 2, name: 'Lamp' }],
    retrieved: { id: 1, name: 'Torch' },
    notFound: true,
    pglite:
      'MissingSQLPackageError: The embedded PGlite database (pglite://…, the default) needs drizzle-orm and ' +
      '@electric-sql/pglite: npm install drizzle-orm @electric-sql/pglite',
    postgres:
      'MissingSQLPackageError: A PostgreSQL database (postgres://…) needs drizzle-orm and postgres: ' +
      'npm install drizzle-orm postgres',
    table:
      'MissingSQLPackageError: A table repository (TableRepository, crudResource, PostgresRevocationStore) ' +
      'needs drizzle-orm: npm install drizzle-orm',
  });
});
