import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prefixed } from './cpus';
import { track } from './processes';

export interface WrkOptions {
  url: string;
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  /** Command prefix pinning wrk to a core (see cpuPlan). */
  pin?: readonly string[];
  /** A JSON body: every request is a POST of it (through a wrk Lua script). */
  body?: string;
  /** Seconds after which wrk gives up on a request and counts a timeout (wrk's default: 2). */
  timeoutSeconds?: number;
}

export interface WrkResult {
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  requests: number;
  /** Responses that were not 2xx/3xx, and socket errors (connect, read, write, timeout) summed. */
  non2xx: number;
  socketErrors: number;
}

export const WRK = process.env.BENCH_WRK ?? 'wrk';

/** Fails with the install hint when wrk is not on this machine. */
export function ensureWrk(): void {
  const probe = spawnSync(WRK, ['--version'], { stdio: 'ignore' });
  if (probe.error) throw new Error('wrk was not found: install wrk: apt-get install -y wrk');
}

/** One wrk run: one thread, `connections` connections, latency percentiles on. */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency'];
  if (options.timeoutSeconds !== undefined) args.push('--timeout', `${options.timeoutSeconds}s`);
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  if (options.body !== undefined) args.push('-s', postScript(options.body));
  args.push(options.url);
  const [program, programArgs] = prefixed(options.pin ?? [], [WRK, ...args]);
  const child = track(spawn(program, programArgs, { stdio: ['ignore', 'pipe', 'pipe'] }));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`wrk exited with ${code}: ${stderr.trim() || stdout.trim()}`);
  return parseWrk(stdout);
}

/** A wrk Lua script that POSTs `body` as JSON, written once per body to the temporary directory. */
function postScript(body: string): string {
  const file = join(
    tmpdir(),
    `flama-bench-post-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.lua`,
  );
  const lua = `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`;
  writeFileSync(file, lua);
  return file;
}

/** Reads wrk's text report (with --latency). */
export function parseWrk(output: string): WrkResult {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s)\b/m.exec(output);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\b/m.exec(output);
  const total = /^\s+(\d+) requests in /m.exec(output);
  if (!rps || !p50 || !p99 || !total) throw new Error(`Could not read wrk's report:\n${output}`);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSecond: Number(rps[1]),
    p50: milliseconds(p50[1]!, p50[2]!),
    p99: milliseconds(p99[1]!, p99[2]!),
    requests: Number(total[1]),
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

function milliseconds(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : n;
}
