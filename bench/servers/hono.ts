// (b) Plain Hono on @hono/node-server: the reference Flama is measured against.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { announce } from './announce';
import { HELLO } from './greeting';

const app = new Hono();
app.get('/', (c) => c.json({ message: HELLO.message }));

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
