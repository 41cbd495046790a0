// (crud') What (crud) does, by hand in plain Hono with drizzle and postgres.js: check the id, select the row,
// answer 404 or the row as the item schema shows it.
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { Hono } from 'hono';
import postgres from 'postgres';
import { z } from 'zod';
import { announce } from './announce';
import { benchDatabaseURL, User, users } from './ddd-tables';

const db = drizzle({ client: postgres(benchDatabaseURL()) });
const Id = z.uuid();
const notFound = { status_code: 404, detail: 'Not Found', error: 'HTTPException' };

const app = new Hono();
app.get('/user/:id/', async (c) => {
  const id = Id.safeParse(c.req.param('id'));
  if (!id.success) return c.json(notFound, 404);
  const [row] = await db.select().from(users).where(eq(users.id, id.data)).limit(2);
  return row ? c.json(User.parse(row)) : c.json(notFound, 404);
});

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
