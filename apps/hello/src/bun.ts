// Serves the app with Bun's own server: `pnpm start:bun` (PORT and HOST as for `flama run`).
import { app } from './app';

declare const Bun: {
  serve(options: {
    port: number;
    hostname: string;
    fetch: (request: Request) => Response | Promise<Response>;
  }): {
    url: URL;
  };
};

await app.startup();
const server = Bun.serve({
  port: Number(process.env.PORT ?? 8000),
  hostname: process.env.HOST ?? '127.0.0.1',
  fetch: (request) => app.fetch(request),
});
console.log(`Flama is serving on ${server.url.origin}\nDocs: ${server.url.origin}/docs/`);
