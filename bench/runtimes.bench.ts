import { defineBenchmark } from './lib/benchmark';
import { type LoadSpec, measureInterleaved, type ServerResult } from './lib/load';
import { printNoise, printRatios, printTable, ratio } from './lib/report';

/**
 * The runtimes' own binaries: node_modules/.bin's shims would stand between the runner and the server (a shell for
 * bun, a Node process for deno), and the runner's SIGTERM would stop the shim and leave the server running.
 */
const binary = (path: string) => new URL(`./node_modules/${path}`, import.meta.url).pathname;
const entry = (file: string) => new URL(`./servers/runtimes/${file}`, import.meta.url);

/** How each runtime runs a server entry; Node's and workerd's (a Node process running Miniflare) take the default. */
const runtimes = [
  { name: 'node', entry: entry('node.ts') },
  { name: 'bun', entry: entry('bun.ts'), command: [binary('bun/bin/bun.exe')] },
  {
    name: 'deno',
    entry: entry('deno.ts'),
    command: [
      binary('deno/deno'),
      'run',
      '--allow-env',
      '--allow-read',
      '--allow-net',
      '--allow-sys',
      '--unstable-sloppy-imports',
      '--no-lock',
    ],
  },
  { name: 'workerd', entry: entry('workerd.ts') },
];

const quiet = { DO_NOT_TRACK: '1', DENO_NO_UPDATE_CHECK: '1', WRANGLER_SEND_METRICS: 'false' };

/** On each runtime, plain Hono then apps/hello, on the runtime's own server, both answering `"Hello 🔥"`. */
const servers: LoadSpec[] = runtimes.flatMap(({ name, entry, command }) =>
  (['hono', 'hello'] as const).map((app) => ({
    name: `${name} ${app}`,
    entry,
    path: '/',
    expectBody: JSON.stringify('Hello 🔥'),
    env: { ...quiet, BENCH_APP: app },
    ...(command && { command }),
  })),
);

export default defineBenchmark({
  name: 'runtimes',
  servers,
  description:
    'apps/hello against plain Hono on the same runtime and server: Node (@hono/node-server), Bun.serve, Deno.serve and workerd (Miniflare).',
  async run({ settings, cpus, log }) {
    log(
      `${servers.length} servers × ${settings.rounds} rounds, wrk -t1 -c${settings.connections} -d${settings.seconds}s after a ${settings.warmup}s warm-up; ` +
        (cpus.pinned ? 'wrk on core 0, servers on core 1 (taskset)' : `not pinned (${cpus.cores} cores)`),
    );
    const results = await measureInterleaved(servers, settings, cpus, log);
    const result = (name: string) => results.find((r) => r.name === name) as ServerResult;
    log('');
    printTable(results, log);
    printNoise(results, log);
    const ratios = runtimes.map(({ name }) =>
      ratio(`${name}`.padEnd(7), result(`${name} hello`), result(`${name} hono`), 0.9),
    );
    log('');
    printRatios(ratios, log);
    return { servers: results, ratios };
  },
});
