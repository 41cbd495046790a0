import { defineBenchmark } from './lib/benchmark';
import { coldStarts } from './lib/cold-start';
import { type LoadSpec, measureInterleaved, type ServerResult } from './lib/load';
import { printNoise, printRatios, printTable, ratio } from './lib/report';
import { GREET_HEADERS, GREET_URL, HELLO } from './servers/greeting';

const body = JSON.stringify(HELLO);
const server = (file: string) => new URL(`./servers/${file}`, import.meta.url);

/**
 * The five servers, in the order they are measured in every round. Every request carries the same headers, so
 * that only what the servers do with them differs.
 */
const servers: LoadSpec[] = [
  { name: 'node:http', entry: server('node-http.ts'), path: '/' },
  { name: 'hono', entry: server('hono.ts'), path: '/' },
  { name: 'flama', entry: server('flama.ts'), path: '/' },
  { name: 'flama+inject', entry: server('flama-inject.ts'), path: GREET_URL },
  { name: 'hono+manual', entry: server('hono-inject.ts'), path: GREET_URL },
].map((spec) => ({ ...spec, headers: GREET_HEADERS, expectBody: body }));

const COLD_STARTS = 3;
const FLAMA_RUN = [
  process.execPath,
  'packages/cli/bin/flama.js',
  'run',
  'apps/hello/src/app.ts',
  '--server-port',
  '{port}',
];
const COLD_START_TARGET_MS = 1000;

export default defineBenchmark({
  name: 'core',
  servers,
  description:
    'The hello route on node:http, Hono and Flama; a route with two components and a validated query, in Flama and by hand in Hono; cold start of `flama run`.',
  async run({ root, settings, cpus, log }) {
    log(
      `${servers.length} servers × ${settings.rounds} rounds, wrk -t1 -c${settings.connections} -d${settings.seconds}s after a ${settings.warmup}s warm-up; ` +
        (cpus.pinned ? 'wrk on core 0, servers on core 1 (taskset)' : `not pinned (${cpus.cores} cores)`),
    );
    const results = await measureInterleaved(servers, settings, cpus, log);
    const result = (name: string) => results.find((r) => r.name === name)!;
    const [nodeHttp, hono, flama, flamaInject, honoManual] = servers.map((spec) => result(spec.name)) as [
      ServerResult,
      ServerResult,
      ServerResult,
      ServerResult,
      ServerResult,
    ];

    log('');
    printTable(results, log);
    printNoise(results, log);
    const ratios = [
      ratio('c/a ', flama, nodeHttp),
      ratio('c/b ', flama, hono, 0.9),
      ratio('d/b ', flamaInject, hono, 0.8),
      ratio("d/d'", flamaInject, honoManual),
    ];
    log('');
    printRatios(ratios, log);

    log('');
    log(`cold start: \`flama run apps/hello/src/app.ts\` to the first 200 on GET /, ${COLD_STARTS} times`);
    const measured = await coldStarts(
      { command: FLAMA_RUN, cwd: root, path: '/' },
      { runs: COLD_STARTS, quietWait: settings.quietWait, log },
    );
    const cold = { runsMs: measured.runs, medianMs: measured.median, targetMs: COLD_START_TARGET_MS };
    const pass = cold.medianMs < COLD_START_TARGET_MS;
    log(
      `cold start median ${Math.round(cold.medianMs)} ms  target < ${COLD_START_TARGET_MS} ms  ${pass ? 'PASS' : 'MISS'}`,
    );

    return { servers: results, ratios, coldStart: { ...cold, pass } };
  },
});
