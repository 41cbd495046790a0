import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { load, readFlm } from 'flama';
import { defineBenchmark } from './lib/benchmark';
import { coldStarts } from './lib/cold-start';
import { type LoadSpec, measureInterleaved, QUIET, type ServerResult } from './lib/load';
import { exclusively } from './lib/lock';
import { waitForQuiet } from './lib/machine';
import { packedFlamaBin } from './lib/packed-install';
import { printNoise, printTable } from './lib/report';
import { startServer } from './lib/server';
import { median } from './lib/stats';
import { runWrk } from './lib/wrk';
import { HELLO } from './servers/greeting';
import { assertChurnModel, CHURN_MODEL, CHURN_ROW } from './servers/ml-model';

const server = (file: string) => new URL(`./servers/${file}`, import.meta.url);
const predictBody = JSON.stringify({ input: [CHURN_ROW] });
const namedBody = JSON.stringify({
  input: {
    input: [[0.5, 0.25, 0.25, 0]],
    sr: 16000,
    state: { data: [0, 0, 0, 0, 0, 0, 0, 0], shape: [2, 1, 4] },
  },
});
const servers: LoadSpec[] = [
  { name: 'node:http', entry: server('node-http.ts'), path: '/', expectBody: JSON.stringify(HELLO) },
  { name: 'flama predict', entry: server('ml-predict.ts'), path: '/churn/predict/', body: predictBody },
  { name: 'named tensors', entry: server('ml-named.ts'), path: '/cell/predict/', body: namedBody },
];
/** Files the Python Flama writes (protocol 1, protocol 2, Flama ≤ 1.11's tar), from the ml package's fixtures. */
const pythonFiles = ['protocol1-bz2.flm', 'protocol2-lzma.flm', 'legacy-xz.flm'].map((name) =>
  fileURLToPath(new URL(`../packages/ml/src/testing/flm-fixtures/${name}`, import.meta.url)),
);

/** The Python Flama 1.12 reference: 480 predictions/s where bare node:http served 78,000 req/s. */
const REFERENCE = { predictionsPerSecond: 480, bareRequestsPerSecond: 78_000 };
const TARGET_FACTOR = 15;
const COLD_START_TARGET_MS = 1000;
const RSS_TARGET_MB = 200;

export default defineBenchmark({
  name: 'ml',
  servers,
  description:
    'The churn model: in-process ONNX Runtime calls/s (1 row), POST /predict/ req/s against the scaled Python ' +
    'Flama reference, cold start of `flama serve` to the first 200, RSS after load.',
  async run({ root, settings, cpus, log }) {
    assertChurnModel();
    const inProcess = await exclusively(async () => {
      await waitForQuiet(QUIET, settings.quietWait);
      return inProcessCallsPerSecond(settings.seconds);
    }, log);
    log(`in-process predict (1 row): ${Math.round(inProcess)} calls/s`);

    const results = await measureInterleaved(servers, settings, cpus, log);
    const [bare, predict, named] = servers.map((spec) => results.find((r) => r.name === spec.name)!) as [
      ServerResult,
      ServerResult,
      ServerResult,
    ];
    log('');
    printTable(results, log);
    printNoise(results, log);
    const scaled =
      (REFERENCE.predictionsPerSecond * bare.requestsPerSecond) / REFERENCE.bareRequestsPerSecond;
    const factor = predict.requestsPerSecond / scaled;
    log('');
    log(`Python Flama reference scaled to this run's node:http: ${scaled.toFixed(0)} predictions/s`);
    log(
      `POST /predict/ ÷ scaled reference: ${factor.toFixed(1)}×  target ≥ ${TARGET_FACTOR}×  ${factor >= TARGET_FACTOR ? 'PASS' : 'MISS'}`,
    );
    log(`POST /predict/ ÷ in-process calls: ${(predict.requestsPerSecond / inProcess).toFixed(2)}`);
    log(
      `named-tensor POST /predict/ ÷ node:http: ${(named.requestsPerSecond / bare.requestsPerSecond).toFixed(3)}`,
    );

    const inspect: Record<string, { inProcessMs: number; cliMs: number }> = {};
    for (const file of pythonFiles) {
      inspect[basename(file)] = await exclusively(() => inspectTimes(file, root), log);
      log(
        `inspect ${basename(file)}: readFlm ${inspect[basename(file)]!.inProcessMs.toFixed(2)} ms, \`flama model … inspect\` ${Math.round(inspect[basename(file)]!.cliMs)} ms`,
      );
    }

    const rssMb = await exclusively(() => rssAfterLoad(settings.seconds, cpus.server, cpus.load), log);
    log(
      `RSS of the serving process after load: ${rssMb.toFixed(0)} MB  target < ${RSS_TARGET_MB} MB  ${rssMb < RSS_TARGET_MB ? 'PASS' : 'MISS'}`,
    );

    log('cold start of `flama serve` to the first 200, as installed from npm:');
    const bin = await packedFlamaBin(root, log);
    const command = [process.execPath, bin, 'serve', CHURN_MODEL, '--server-port', '{port}'];
    const cold = (
      await coldStarts({ command, cwd: root, path: '/' }, { runs: 3, quietWait: settings.quietWait, log })
    ).median;
    log(
      `cold start of \`flama serve\` to the first 200: median ${Math.round(cold)} ms  target < ${COLD_START_TARGET_MS} ms  ${cold < COLD_START_TARGET_MS ? 'PASS' : 'MISS'}`,
    );

    return {
      servers: results,
      inProcessCallsPerSecond: inProcess,
      namedTensorsRequestsPerSecond: named.requestsPerSecond,
      inspectPythonFiles: inspect,
      scaledReference: scaled,
      predictOverReference: { value: factor, target: TARGET_FACTOR, pass: factor >= TARGET_FACTOR },
      rssMb: { value: rssMb, target: RSS_TARGET_MB, pass: rssMb < RSS_TARGET_MB },
      coldStartMs: { median: cold, target: COLD_START_TARGET_MS, pass: cold < COLD_START_TARGET_MS },
    };
  },
});

/** Reading a Python-made file's metadata: in process (median of 20) and through the CLI (median of 3). */
async function inspectTimes(file: string, root: string): Promise<{ inProcessMs: number; cliMs: number }> {
  const reads: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await readFlm(file);
    reads.push(performance.now() - started);
  }
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['packages/cli/bin/flama.js', 'model', file, 'inspect'], {
      cwd: root,
    });
    if (result.status !== 0) throw new Error(`flama model inspect failed: ${result.stderr}`);
    runs.push(performance.now() - started);
  }
  return { inProcessMs: median(reads), cliMs: median(runs) };
}

/** 1-row predictions on the churn model in this process, for `seconds` after a short warm-up. */
async function inProcessCallsPerSecond(seconds: number): Promise<number> {
  const model = await load(CHURN_MODEL);
  try {
    for (let i = 0; i < 2000; i++) await model.predict([CHURN_ROW]);
    let calls = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      for (let i = 0; i < 500; i++) await model.predict([CHURN_ROW]);
      calls += 500;
    }
    return calls / ((performance.now() - started) / 1000);
  } finally {
    await model.close();
  }
}

/** The resident memory of the predict server after serving `seconds` of load. */
async function rssAfterLoad(
  seconds: number,
  serverPin: readonly string[],
  loadPin: readonly string[],
): Promise<number> {
  const running = await startServer(servers[1]!, serverPin);
  // Measured on the churn model's server, the one the target is about.
  try {
    await runWrk({
      url: running.url + servers[1]!.path,
      seconds,
      connections: 32,
      body: predictBody,
      pin: loadPin,
    });
    const status = readFileSync(`/proc/${running.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
  } finally {
    await running.stop();
  }
}
