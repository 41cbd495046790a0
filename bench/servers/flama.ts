// (c) A Flama app as users run it (docs and schema on), on @hono/node-server.
import { serve } from '@hono/node-server';
import { Flama } from 'flama';
import { announce } from './announce';
import { HELLO } from './greeting';

const app = new Flama({
  title: 'Bench',
  version: '1.0.0',
  description: 'The core benchmark’s app',
  docs: '/docs/',
  schema: '/schema/',
});
app.get('/', { name: 'home', summary: 'Returns a warming message', tags: ['Home'] }, () => ({
  message: HELLO.message,
}));

await app.startup();
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
