import { type ChildProcess, spawn } from 'node:child_process';
import { prefixed } from './cpus';
import { stop, track } from './processes';

export interface ServerSpec {
  /** Short name shown in the report: "node:http", "hono", "flama", … */
  name: string;
  /** A TypeScript file that listens on 127.0.0.1, port 0, and calls servers/announce.ts with its port. */
  entry: URL;
  /** What wrk requests, relative to the server's origin ("/", "/greet?name=world"). */
  path: string;
  headers?: Record<string, string>;
  /** A JSON body: the request becomes a POST of it. */
  body?: string;
  /** Environment variables the server starts with, beside this process's. */
  env?: Record<string, string>;
  /**
   * The program and arguments that run `entry` on another runtime (`bun`, `deno run …`), instead of Node with
   * tsx. Such a server has no IPC channel: it announces its port on stdout (servers/announce.ts does).
   */
  command?: readonly string[];
}

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const tsxLoader = import.meta.resolve('tsx');

/**
 * Starts a server in its own process (so it never shares a JS thread with the load generator), pinned by `pin`,
 * and resolves once it reports the port it listens on.
 */
export async function startServer(
  spec: ServerSpec,
  pin: readonly string[] = [],
  options: { nodeArgs?: readonly string[]; timeoutMs?: number; stdout?: 'inherit' | 'ignore' } = {},
) {
  const { nodeArgs = [], timeoutMs = 30_000, stdout = 'inherit' } = options;
  const command = spec.command
    ? [...spec.command, spec.entry.pathname]
    : [process.execPath, ...nodeArgs, '--import', tsxLoader, spec.entry.pathname];
  const [program, args] = prefixed(pin, command);
  const child = track(
    spawn(program, args, {
      stdio: spec.command ? ['ignore', 'pipe', 'pipe'] : ['ignore', stdout, 'pipe', 'ipc'],
      env: spec.env && { ...process.env, ...spec.env },
    }),
  );
  let stderr = '';
  const collect = (chunk: string) => {
    stderr += chunk;
  };
  child.stderr?.setEncoding('utf8').on('data', collect);
  const port = await listening(child, timeoutMs).catch(async (error: Error) => {
    await stop(child);
    throw new Error(`${spec.name} did not start: ${error.message}${stderr ? `\n${stderr.trim()}` : ''}`);
  });
  // From here on the server's errors go straight to the terminal. The IPC channel stays open: the child exits
  // when it closes.
  child.stderr?.off('data', collect).pipe(process.stderr);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () => close(child),
  } satisfies RunningServer;
}

/**
 * Closes the IPC channel, on which the child exits by itself (writing a --cpu-prof profile, if asked); else kills
 * it. A server without IPC (another runtime) is sent SIGTERM.
 */
async function close(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (!child.send) return stop(child);
  const exited = new Promise<boolean>((resolve) => {
    child.once('exit', () => resolve(true));
    setTimeout(() => resolve(false), 5000).unref();
  });
  if (child.connected) child.disconnect();
  if (!(await exited)) await stop(child);
}

function listening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port after ${timeoutMs} ms`)), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`exited with ${signal ?? code}`)));
    child.on('message', (message: { listening?: number }) => {
      if (typeof message?.listening !== 'number') return;
      clearTimeout(timer);
      resolve(message.listening);
    });
    // Servers on other runtimes print servers/announce.ts's line instead.
    let output = '';
    const read = (chunk: string) => {
      output += chunk;
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port === undefined) return;
      child.stdout?.off('data', read);
      clearTimeout(timer);
      resolve(Number(port));
    };
    child.stdout?.setEncoding('utf8').on('data', read);
  });
}
