import { defineBenchmark } from './lib/benchmark';
import { startCliServer } from './lib/cli-server';
import { coldStarts } from './lib/cold-start';
import type { CpuPlan } from './lib/cpus';
import { type LoadSpec, measureInterleaved } from './lib/load';
import { exclusively } from './lib/lock';
import { packedFlamaBin } from './lib/packed-install';
import { rssMb } from './lib/rss';
import { reloadRss } from './lib/serving-reload';
import { servingReport, type Throughput } from './lib/serving-report';
import { measureSaturation } from './lib/serving-saturation';
import { printServingTable } from './lib/serving-table';
import { withShortDefaults } from './lib/short-settings';
import { runWrk } from './lib/wrk';
import { assertChurnModel, CHURN_MODEL, CHURN_ROW } from './servers/ml-model';
import { CHURN_PREDICTION, churnRows } from './servers/serving-rows';

const PREDICT_PATH = '/churn/predict/';
const ONE_ROW = JSON.stringify({ input: [CHURN_ROW] });
const server = (file: string) => new URL(`./servers/${file}`, import.meta.url);
/** A server answering POST /churn/predict/ with one row: its answer is checked, its non-2xx are counted. */
const oneRow = (name: string, entry: URL): LoadSpec => ({
  name,
  entry,
  path: PREDICT_PATH,
  body: ONE_ROW,
  expectBody: JSON.stringify(CHURN_PREDICTION),
  countNon2xx: true,
});
const floor = oneRow('serving floor', server('serving-floor.ts'));
const ceiling = oneRow('serving ceiling', server('serving-ceiling.ts'));
const inProcess = oneRow('serving in-process', server('serving-in-process.ts'));
const batched = oneRow('serving batched', server('serving-batched.ts'));
const unbatched = oneRow('serving unbatched', server('serving-unbatched.ts'));

const CONNECTIONS = [1, 8, 32, 64];
/** Section 3: connections sending 8,000 rows each, and a light client on /health/live. */
const HEAVY = { connections: 16, rows: 8000, healthPath: '/health/live' };
const HEAVY_BODY = JSON.stringify({ input: churnRows(HEAVY.rows) });
/** `spec`'s server sent HEAVY.rows rows a request. */
const heavy = (spec: LoadSpec): LoadSpec => ({
  ...spec,
  name: `${spec.name} ${HEAVY.rows / 1000}k rows`,
  body: HEAVY_BODY,
  expectBody: undefined,
});
const heavyInProcess = heavy(inProcess);
const heavyBatched = heavy(batched);
/** Section 5: reloads in one process, RSS after the first 10 and after 100. */
const RELOADS = { early: 10, total: 100 };
/** Short runs by default: the suite takes about fifty measurements. BENCH_SECONDS and the others override them. */
const SHORT = { seconds: 3, rounds: 2, warmup: 1 };
const SERVE = ['serve', CHURN_MODEL, '--model-url', '/churn/', '--model-name', 'churn'];
const CLI = new URL('../packages/cli/bin/flama.js', import.meta.url);

export default defineBenchmark({
  name: 'serving',
  servers: [floor, ceiling, inProcess, batched, unbatched, heavyInProcess, heavyBatched],
  description:
    'The churn model served under load: in-process vs inference threads with and without batching at 1–64 ' +
    'connections against a validate-only ceiling; /health/live and event-loop lag under 8,000-row ' +
    'predictions; --server-workers 1 vs 2; RSS over 100 reloads; cold start and RSS of `flama serve`.',
  async run({ root, settings: base, cpus, log }) {
    assertChurnModel();
    const settings = withShortDefaults(base, SHORT);
    // Inference threads and workers need both cores: nothing is pinned in this suite.
    const unpinned: CpuPlan = { ...cpus, pinned: false, load: [], server: [] };
    log(
      `${settings.seconds} s per measurement after ${settings.warmup} s of warm-up, ${settings.rounds} rounds, nothing pinned`,
    );

    const throughput = new Map<number, Throughput>();
    for (const connections of CONNECTIONS) {
      log(`\n1–2. ${connections} connections, 1 row`);
      // The floor's tail is what the 1-connection p99 target is read against.
      const specs = [ceiling, inProcess, batched, unbatched, ...(connections === 1 ? [floor] : [])];
      const [c, i, b, u, f] = await measureInterleaved(specs, { ...settings, connections }, unpinned, log);
      throughput.set(connections, { ceiling: c!, inProcess: i!, batched: b!, unbatched: u!, floor: f });
    }

    log(
      `\n3. ${HEAVY.connections} connections × ${HEAVY.rows}-row predictions, GET ${HEAVY.healthPath} beside`,
    );
    const [saturatedInProcess, saturatedThreaded] = await measureSaturation(
      [heavyInProcess, heavyBatched],
      { settings, cpus: unpinned, connections: HEAVY.connections, healthPath: HEAVY.healthPath },
      log,
    );

    // Sections 4 and 6 run `flama serve` as users get it: the bin of an npm install of the packed packages.
    const bin = await packedFlamaBin(root, log);
    log('\n4. flama serve --server-workers 1 and 2, 32 connections, 1 row');
    const serve = (workers: number): LoadSpec => ({
      ...oneRow(`flama serve --server-workers ${workers}`, CLI),
      start: () => startCliServer(root, [...SERVE, '--server-workers', String(workers)], { bin }),
    });
    const [one, two] = await measureInterleaved(
      [serve(1), serve(2)],
      { ...settings, connections: 32 },
      unpinned,
      log,
    );

    log(`\n5. ${RELOADS.total} reloads under a light load`);
    const reload = await reloadRss(batched, RELOADS.total, RELOADS.early, log);

    log('\n6. cold start of `flama serve` to the first 200, and its RSS after load');
    const coldStartMs = await coldStartsOfServe(root, bin, settings.quietWait, log);
    const rssAfterLoadMb = await exclusively(() => rssAfterLoad(root, bin, settings.seconds), log);

    const results = {
      throughput,
      heavy: HEAVY,
      saturation: { inProcess: saturatedInProcess!, threaded: saturatedThreaded! },
      workers: { one: one!, two: two! },
      reload,
      coldStartMs,
      rssAfterLoadMb,
    };
    const report = servingReport(results);
    log('');
    printServingTable(report.rows, log);
    log(report.noise);
    return { ...results, throughput: Object.fromEntries(throughput), targets: report.targets };
  },
});

/**
 * Cold starts of `flama serve` on the churn model to the first 200 on GET /: as installed from npm (the built
 * packages, what a user runs), and in the workspace (TypeScript sources through tsx), three each.
 */
async function coldStartsOfServe(
  root: string,
  installedBin: string,
  quietWait: number,
  log: (line: string) => void,
) {
  const serve = (bin: string) => [process.execPath, bin, 'serve', CHURN_MODEL, '--server-port', '{port}'];
  const settings = { runs: 3, quietWait, log };
  const installed = await coldStarts({ command: serve(installedBin), cwd: root, path: '/' }, settings);
  log('  the same in the workspace:');
  const workspace = await coldStarts({ command: serve(CLI.pathname), cwd: root, path: '/' }, settings);
  return { installed, workspace };
}

/** RSS of a `flama serve` process (one worker, run by `bin`) after `seconds` of 1-row predictions at 32 connections. */
async function rssAfterLoad(root: string, bin: string, seconds: number): Promise<number> {
  const running = await startCliServer(root, SERVE, { bin });
  try {
    await runWrk({ url: running.url + PREDICT_PATH, seconds, connections: 32, body: ONE_ROW });
    return rssMb(running.pid);
  } finally {
    await running.stop();
  }
}
