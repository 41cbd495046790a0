// BENCH_APP (hono or hello) on Deno's own server. Announces its port on stdout.
import { announce } from '../announce';
import { benchedFetch } from './apps';

declare const Deno: {
  serve(
    options: { port: number; hostname: string; onListen(address: { port: number }): void },
    handler: (request: Request) => Response | Promise<Response>,
  ): unknown;
};

const fetch = await benchedFetch();
Deno.serve({ port: 0, hostname: '127.0.0.1', onListen: ({ port }) => announce(port) }, fetch);
