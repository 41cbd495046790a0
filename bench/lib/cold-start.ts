import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { freePort } from './free-port';
import { QUIET } from './load';
import { exclusively } from './lock';
import { waitForQuiet } from './machine';
import { stop, track } from './processes';
import { median } from './stats';

export interface ColdStartOptions {
  /** The command, with `{port}` where the port goes. */
  command: readonly string[];
  cwd: string;
  /** Polled until it answers 200. */
  path: string;
  intervalMs?: number;
  timeoutMs?: number;
}

/**
 * Milliseconds from spawning `command` to its first 200 on `path` (polled every `intervalMs`), on a free port
 * of 127.0.0.1. The process is stopped before this resolves.
 */
export async function coldStart(options: ColdStartOptions): Promise<number> {
  const { intervalMs = 5, timeoutMs = 30_000 } = options;
  const port = await freePort();
  const [program, ...args] = options.command.map((part) => part.replaceAll('{port}', String(port)));
  const started = performance.now();
  const child = track(spawn(program!, args, { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] }));
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  try {
    while (performance.now() - started < timeoutMs) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${options.command.join(' ')} exited before answering:\n${stderr.trim()}`);
      }
      if ((await status(port, options.path)) === 200) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    throw new Error(
      `${options.command.join(' ')} did not answer 200 within ${timeoutMs} ms:\n${stderr.trim()}`,
    );
  } finally {
    await stop(child);
  }
}

/** The status of one GET on a fresh connection, or 0 when nothing listens yet. */
function status(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', () => resolve(0));
    req.end();
  });
}

/** `runs` cold starts, each alone on a quiet machine (waiting at most `quietWait` s for it); each run is logged. */
export async function coldStarts(
  options: ColdStartOptions,
  { runs, quietWait, log }: { runs: number; quietWait: number; log: (line: string) => void },
): Promise<{ runs: number[]; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ms = await exclusively(async () => {
      await waitForQuiet(QUIET, quietWait);
      return coldStart(options);
    }, log);
    times.push(ms);
    log(`  cold start ${i + 1}/${runs}: ${Math.round(ms)} ms`);
  }
  return { runs: times, median: median(times) };
}
