// Serves the app with Deno's own server: `pnpm start:deno` (PORT and HOST as for `flama run`).
import { app } from './app';

declare const Deno: {
  serve(
    options: { port: number; hostname: string; onListen(address: { hostname: string; port: number }): void },
    handler: (request: Request) => Response | Promise<Response>,
  ): unknown;
};

await app.startup();
Deno.serve(
  {
    port: Number(process.env.PORT ?? 8000),
    hostname: process.env.HOST ?? '127.0.0.1',
    onListen: ({ hostname, port }) => {
      const url = `http://${hostname}:${port}`;
      console.log(`Flama is serving on ${url}\nDocs: ${url}/docs/`);
    },
  },
  (request) => app.fetch(request),
);
