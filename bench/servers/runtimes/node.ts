// BENCH_APP (hono or hello) on Node's @hono/node-server.
import { serve } from '@hono/node-server';
import { announce } from '../announce';
import { benchedFetch } from './apps';

const fetch = await benchedFetch();
serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
