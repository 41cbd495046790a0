import { LAG_PATH, type LagReport } from '../servers/serving-bench-routes';
import type { CpuPlan } from './cpus';
import { type LoadSpec, NOISY, QUIET } from './load';
import { exclusively } from './lock';
import { cpuSnapshot, cpuUse, waitForQuiet } from './machine';
import { requestLoop } from './request-loop';
import { startServer } from './server';
import type { Settings } from './settings';
import { median, percentile } from './stats';
import { runWrk, type WrkResult } from './wrk';

/** The light client's pause between two health requests, in milliseconds. */
const PROBE_PAUSE_MS = 5;
/** Heavy requests queue for seconds: wrk must not give up on them (and reconnect) at its 2 s default. */
const LOAD_TIMEOUT_SECONDS = 30;

export interface SaturationRound {
  /** The heavy load: `connections` connections sending the spec's body. */
  load: WrkResult;
  /** `GET healthPath` from one client, one request every PROBE_PAUSE_MS, while the load runs. */
  health: { p50: number; p99: number; failures: number; latencies: number[] };
  /** The server's event-loop lag over the load. */
  lag: LagReport;
  othersDuring?: number;
  serverCpu?: number;
}

export interface SaturationResult {
  name: string;
  rounds: SaturationRound[];
  /** Rounds on a quiet machine; the medians are over those, or over all rounds when none was quiet. */
  quiet: number;
  /** Medians of the heavy load; its non-2xx answers and socket errors summed over every round. */
  load: { requestsPerSecond: number; p50: number; p99: number; non2xx: number; socketErrors: number };
  /**
   * The light client's percentiles over the latencies of the counted rounds pooled (a round has too few
   * requests for a p99 of its own), how many those are, and its failed requests over every round.
   */
  health: { p50: number; p99: number; requests: number; failures: number };
  lag: { p50: number; p99: number; max: number };
}

/**
 * For each spec, `settings.rounds` times, interleaved: starts its server (unpinned), saturates it with wrk
 * while a light client times `healthPath`, and reads the server's event-loop lag over the same time.
 */
export async function measureSaturation(
  specs: readonly LoadSpec[],
  options: { settings: Settings; cpus: CpuPlan; connections: number; healthPath: string },
  log: (line: string) => void,
): Promise<SaturationResult[]> {
  const rounds = new Map<string, SaturationRound[]>(specs.map((spec) => [spec.name, []]));
  for (let round = 1; round <= options.settings.rounds; round++) {
    for (const spec of specs) {
      const result = await exclusively(() => saturateOnce(spec, options), log);
      rounds.get(spec.name)!.push(result);
      log(
        `  round ${round}/${options.settings.rounds} ${spec.name}: ${result.load.requestsPerSecond.toFixed(1)} req/s;` +
          ` health p50 ${result.health.p50.toFixed(2)} ms p99 ${result.health.p99.toFixed(2)} ms;` +
          ` lag p99 ${result.lag.p99.toFixed(2)} ms` +
          ((result.othersDuring ?? 0) >= NOISY
            ? `  NOISY: other processes used ${Math.round(result.othersDuring! * 100)}% of the machine`
            : ''),
      );
    }
  }
  return specs.map((spec) => summarize(spec.name, rounds.get(spec.name)!));
}

async function saturateOnce(
  spec: LoadSpec,
  options: { settings: Settings; cpus: CpuPlan; connections: number; healthPath: string },
): Promise<SaturationRound> {
  const { settings, cpus, connections } = options;
  const server = await startServer(spec, cpus.server);
  try {
    const health = await fetch(server.url + options.healthPath);
    if (health.status !== 200)
      throw new Error(`${spec.name}: ${options.healthPath} answered ${health.status}`);
    const wrk = {
      url: server.url + spec.path,
      connections,
      body: spec.body,
      pin: cpus.load,
      timeoutSeconds: LOAD_TIMEOUT_SECONDS,
    };
    await waitForQuiet(QUIET, settings.quietWait);
    if (settings.warmup > 0) await runWrk({ ...wrk, seconds: settings.warmup });
    await readLag(server.url);
    const before = cpuSnapshot(server.pid);
    const load = runWrk({ ...wrk, seconds: settings.seconds });
    const probe = await requestLoop({
      url: server.url + options.healthPath,
      pauseMs: PROBE_PAUSE_MS,
      until: load,
    });
    const result: SaturationRound = {
      load: await load,
      health: {
        p50: percentile(probe.latencies, 50),
        p99: percentile(probe.latencies, 99),
        failures: probe.failures,
        latencies: probe.latencies,
      },
      lag: await readLag(server.url),
    };
    const after = cpuSnapshot(server.pid);
    if (before && after) {
      const use = cpuUse(before, after, cpus.cores);
      Object.assign(result, { othersDuring: use.others, serverCpu: use.server });
    }
    return result;
  } finally {
    await server.stop();
  }
}

/** The lag since the previous read (the server starts a new measurement on each read). */
async function readLag(url: string): Promise<LagReport> {
  const response = await fetch(url + LAG_PATH);
  if (response.status !== 200) throw new Error(`${LAG_PATH} answered ${response.status}`);
  return (await response.json()) as LagReport;
}

function summarize(name: string, rounds: SaturationRound[]): SaturationResult {
  const quiet = rounds.filter((round) => (round.othersDuring ?? 0) < NOISY);
  const counted = quiet.length > 0 ? quiet : rounds;
  const of = (pick: (round: SaturationRound) => number) => median(counted.map(pick));
  const health = counted.flatMap((round) => round.health.latencies);
  return {
    name,
    rounds,
    quiet: quiet.length,
    load: {
      requestsPerSecond: of((r) => r.load.requestsPerSecond),
      p50: of((r) => r.load.p50),
      p99: of((r) => r.load.p99),
      non2xx: sum(rounds, (r) => r.load.non2xx),
      socketErrors: sum(rounds, (r) => r.load.socketErrors),
    },
    health: {
      p50: percentile(health, 50),
      p99: percentile(health, 99),
      requests: health.length,
      failures: sum(rounds, (r) => r.health.failures),
    },
    lag: { p50: of((r) => r.lag.p50), p99: of((r) => r.lag.p99), max: of((r) => r.lag.max) },
  };
}

function sum(rounds: readonly SaturationRound[], pick: (round: SaturationRound) => number): number {
  return rounds.reduce((total, round) => total + pick(round), 0);
}
