// (d') What (d) does, by hand in plain Hono: read the header, parse the query with one zod safeParse.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';
import { announce } from './announce';
import { GREET_PATH, greetingFor, loadSettings } from './greeting';

const settings = loadSettings();
const Query = z.object({ name: z.string().default('world') });

const app = new Hono();
app.get(GREET_PATH, (c) => {
  const query = Query.safeParse({ name: c.req.query('name') });
  if (!query.success)
    return c.json({ status_code: 400, detail: query.error.issues, error: 'ValidationError' }, 400);
  const greeting = greetingFor(settings, c.req.header('accept-language'));
  return c.json({ message: `${greeting} ${query.data.name} ${settings.emoji}` });
});

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
