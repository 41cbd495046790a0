import { spawn } from 'node:child_process';
import { freePort } from './free-port';
import { stop, track } from './processes';
import type { RunningServer } from './server';

const READY = /Flama is serving on (http:\/\/\S+)/;

/**
 * Runs `node <bin> <args…> --server-port <free port>` from `root`, unpinned, and resolves once it prints
 * "Flama is serving on <url>". `bin` defaults to the workspace's (packages/cli/bin/flama.js). Stopping sends
 * SIGTERM (a graceful shutdown) and waits for it.
 */
export async function startCliServer(
  root: string,
  args: readonly string[],
  { bin = 'packages/cli/bin/flama.js', timeoutMs = 30_000 }: { bin?: string; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [bin, ...args, '--server-port', String(port)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "Flama is serving on" after ${timeoutMs} ms`)),
      timeoutMs,
    );
    const read = (chunk: string) => {
      output += chunk;
      const ready = READY.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      resolve(ready[1]!);
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${signal ?? code}`));
    });
  }).catch(async (error: Error) => {
    await stop(child);
    throw new Error(`flama ${args.join(' ')} did not start: ${error.message}\n${output.trim()}`);
  });
  return { url, pid: child.pid!, stop: () => stop(child, 10_000) };
}
