// Plain Hono as a Cloudflare Worker: the reference for apps/hello's Worker (apps/hello/src/worker.ts).
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.json('Hello 🔥'));

export default app;
