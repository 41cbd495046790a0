// The two apps the runtimes benchmark serves on each runtime, both answering `GET /` with `"Hello 🔥"`:
// apps/hello (Flama: docs, schema and health routes on) and the same route in plain Hono.
import { Hono } from 'hono';

export type Fetch = (request: Request) => Response | Promise<Response>;

/** Plain Hono: the reference on each runtime. */
export function honoFetch(): Fetch {
  const app = new Hono();
  app.get('/', (c) => c.json('Hello 🔥'));
  return (request) => app.fetch(request);
}

/** apps/hello, started. */
export async function helloFetch(): Promise<Fetch> {
  const { app } = await import('@flama/example-hello');
  await app.startup();
  return (request) => app.fetch(request);
}

/** The app named by BENCH_APP (`hono` or `hello`), the server entries' one argument. */
export function benchedFetch(which = process.env.BENCH_APP): Promise<Fetch> {
  if (which === 'hono') return Promise.resolve(honoFetch());
  if (which === 'hello') return helloFetch();
  throw new Error(`BENCH_APP must be "hono" or "hello", not ${JSON.stringify(which)}`);
}
