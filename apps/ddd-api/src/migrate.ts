// `pnpm migrate`: creates the app's tables (applies the migrations not applied yet; running it again changes nothing).
import { Database, parseDatabaseURL } from '@flama/ddd';
import { databaseURL, migrations } from './database';

const target = parseDatabaseURL(databaseURL);
const database = await Database.connect(databaseURL);
try {
  await database.migrate(migrations);
  console.log(
    `Migrated ${target.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${target.dataDir ?? 'memory'}`}.`,
  );
} finally {
  await database.close();
}
