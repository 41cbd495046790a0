// (crud) `GET /user/{id}/` of a Flama CRUD resource over PostgreSQL.
import { crudResource, DatabaseModule } from '@flama/ddd';
import { serve } from '@hono/node-server';
import { Flama } from 'flama';
import { announce } from './announce';
import { benchDatabaseURL, User, UserInput, users } from './ddd-tables';

const app = new Flama({
  title: 'Bench',
  version: '1.0.0',
  modules: [new DatabaseModule(benchDatabaseURL())],
});
app.resources.addResource(
  '/user/',
  crudResource({ name: 'user', table: users, input: UserInput, output: User }),
);

await app.startup();
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
