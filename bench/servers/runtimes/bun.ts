// BENCH_APP (hono or hello) on Bun's own server. Announces its port on stdout (Bun takes no IPC from Node here).
import { announce } from '../announce';
import { benchedFetch } from './apps';

declare const Bun: {
  serve(options: { port: number; hostname: string; fetch: (request: Request) => unknown }): { port: number };
};

const fetch = await benchedFetch();
announce(Bun.serve({ port: 0, hostname: '127.0.0.1', fetch }).port);
