import type { CpuPlan } from './cpus';
import { exclusively } from './lock';
import { cpuSnapshot, cpuUse, waitForQuiet } from './machine';
import { type RunningServer, type ServerSpec, startServer } from './server';
import type { Settings } from './settings';
import { median } from './stats';
import { runWrk, type WrkResult } from './wrk';

export interface LoadSpec extends ServerSpec {
  /** The exact body every response must have; checked once before each measurement. */
  expectBody?: string;
  /** Starts the server some other way than `entry` in a child process (e.g. through the CLI), unpinned. */
  start?: () => Promise<RunningServer>;
  /** Responses that are not 2xx under load are counted in the round (`non2xx`) instead of failing it. */
  countNon2xx?: boolean;
}

/**
 * One measurement, with (where /proc exists) how busy the machine was just before it, and during it the share of
 * the machine other processes used and the share of its core the server used (all 0–1).
 */
export interface Round extends WrkResult {
  busyBefore?: number;
  othersDuring?: number;
  serverCpu?: number;
}

/** Above this share of the machine busy elsewhere, a measurement waits; during it, it is flagged as noisy. */
export const QUIET = 0.15;
export const NOISY = 0.1;

export function noisy(round: Round): boolean {
  return (round.othersDuring ?? 0) >= NOISY;
}

export interface ServerResult {
  name: string;
  rounds: Round[];
  /** How many rounds the medians are over: the quiet ones (not `noisy`) if any, else all. */
  counted: number;
  /** Medians over the counted rounds. */
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

/**
 * Measures every server `settings.rounds` times, interleaved (a, b, c, a, b, c, …) so that slow drifts of the
 * machine spread over all of them. Each measurement starts the server afresh in its own process, checks its
 * answer, warms it up, runs wrk, and stops it: only one server is ever under load.
 */
export async function measureInterleaved(
  specs: readonly LoadSpec[],
  settings: Settings,
  cpus: CpuPlan,
  log: (line: string) => void,
): Promise<ServerResult[]> {
  const rounds = new Map<string, Round[]>(specs.map((spec) => [spec.name, []]));
  for (let round = 1; round <= settings.rounds; round++) {
    for (const spec of specs) {
      let result = await measureOnce(spec, settings, cpus, log);
      for (let retry = 1; noisy(result) && retry <= settings.noisyRetries; retry++) {
        log(`  round ${round}/${settings.rounds} ${spec.name}: other processes were busy, measuring again`);
        const again = await measureOnce(spec, settings, cpus, log);
        if ((again.othersDuring ?? 0) < (result.othersDuring ?? 0)) result = again;
      }
      rounds.get(spec.name)!.push(result);
      log(
        `  round ${round}/${settings.rounds} ${spec.name.padEnd(14)} ${format(result.requestsPerSecond, 0).padStart(8)} req/s` +
          `  p50 ${format(result.p50, 2)} ms  p99 ${format(result.p99, 2)} ms` +
          (result.socketErrors ? `  (${result.socketErrors} socket errors)` : '') +
          (result.serverCpu !== undefined ? `  server cpu ${Math.round(result.serverCpu * 100)}%` : '') +
          (noisy(result)
            ? `  NOISY: other processes used ${Math.round(result.othersDuring! * 100)}% of the machine`
            : ''),
      );
    }
  }
  return specs.map((spec) => {
    const results = rounds.get(spec.name)!;
    // Others' work only ever slows a server down: when some rounds ran on a quiet machine, only those count.
    const quiet = results.filter((r) => !noisy(r));
    const counted = quiet.length > 0 ? quiet : results;
    return {
      name: spec.name,
      rounds: results,
      counted: counted.length,
      requestsPerSecond: median(counted.map((r) => r.requestsPerSecond)),
      p50: median(counted.map((r) => r.p50)),
      p99: median(counted.map((r) => r.p99)),
    };
  });
}

/** One measurement, holding the machine's benchmark lock so no other run loads a server meanwhile. */
function measureOnce(
  spec: LoadSpec,
  settings: Settings,
  cpus: CpuPlan,
  log: (line: string) => void,
): Promise<Round> {
  return exclusively(() => measure(spec, settings, cpus), log);
}

async function measure(spec: LoadSpec, settings: Settings, cpus: CpuPlan): Promise<Round> {
  const server = spec.start ? await spec.start() : await startServer(spec, cpus.server);
  try {
    const url = server.url + spec.path;
    await check(spec, url);
    const busyBefore = await waitForQuiet(QUIET, settings.quietWait);
    const wrk = {
      url,
      connections: settings.connections,
      headers: spec.headers,
      body: spec.body,
      pin: cpus.load,
    };
    if (settings.warmup > 0) await runWrk({ ...wrk, seconds: settings.warmup });
    const before = cpuSnapshot(server.pid);
    const result: Round = await runWrk({ ...wrk, seconds: settings.seconds });
    const after = cpuSnapshot(server.pid);
    if (before && after) {
      const use = cpuUse(before, after, cpus.cores);
      Object.assign(result, { othersDuring: use.others, serverCpu: use.server });
    }
    if (busyBefore !== undefined) result.busyBefore = busyBefore;
    if (result.non2xx > 0 && !spec.countNon2xx)
      throw new Error(`${spec.name}: ${result.non2xx} responses were not 2xx under load.`);
    return result;
  } finally {
    await server.stop();
  }
}

/** One request before the load, so that a broken server fails loudly instead of being fast. */
async function check(spec: LoadSpec, url: string): Promise<void> {
  const post = spec.body !== undefined;
  const response = await fetch(url, {
    method: post ? 'POST' : 'GET',
    headers: { ...spec.headers, ...(post && { 'content-type': 'application/json' }) },
    body: spec.body,
  });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`${spec.name}: ${post ? 'POST' : 'GET'} ${url} answered ${response.status}: ${body}`);
  if (spec.expectBody !== undefined && body !== spec.expectBody) {
    throw new Error(`${spec.name}: GET ${url} answered ${JSON.stringify(body)}, not ${spec.expectBody}`);
  }
}

export function format(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
