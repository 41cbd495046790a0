import { App, Context, type Module, webSocket } from '@flama/routing';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

/** Counts SIGHUP reloads, printing each. */
let reloads = 0;
const counter: Module = {
  name: 'counter',
  reload: async () => {
    reloads += 1;
    console.log(`counter reloaded ${reloads} times`);
  },
};

/** Routes that say on stdout when they have a request in hand, so tests act only once the server has it. */
const raw = new Hono()
  .post('/upload', async (c) => {
    console.log('upload started');
    const body = await c.req.text();
    return c.json({ bytes: body.length });
  })
  .get('/events', (c) =>
    streamSSE(c, async (stream) => {
      await stream.writeSSE({ data: 'hello' });
      console.log('events started');
      await new Promise<void>((resolve) => stream.onAbort(resolve));
    }),
  );

/** An app with health routes, a reloadable module, uploads, an event stream and a WebSocket. */
export const app = new App({ title: 'Lifecycle', health: true, modules: [counter] })
  .get('/pid', () => ({ pid: process.pid }))
  .get('/reloads', () => ({ reloads }))
  .get('/socket', { inject: { c: Context } }, ({ c }) =>
    webSocket(c, { onOpen: () => console.log('socket open') }),
  )
  .mount('/raw', raw)
  .onShutdown(() => {
    console.log('lifecycle app shut down');
  });
