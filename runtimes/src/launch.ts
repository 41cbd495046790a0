import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export type RuntimeName = 'node' | 'bun' | 'deno' | 'workerd';
export const runtimes: readonly RuntimeName[] = ['node', 'bun', 'deno', 'workerd'];

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;

/** No telemetry, update checks or colours from any runtime or tool. */
export const quietEnv: Record<string, string> = {
  DO_NOT_TRACK: '1',
  DENO_NO_UPDATE_CHECK: '1',
  DENO_NO_PROMPT: '1',
  WRANGLER_SEND_METRICS: 'false',
  // No update check (the banner's) and no download of the `Request.cf` placeholder from Cloudflare.
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  // Deno's cache of transpiled modules, kept with the other caches of the checkout.
  DENO_DIR: `${root}node_modules/.cache/deno`,
};

/** How Deno runs the workspace's TypeScript: extensionless imports, packages from node_modules, no lockfile. */
export const denoRun = [
  'run',
  '--allow-env',
  '--allow-read',
  '--allow-net',
  '--allow-sys',
  '--unstable-sloppy-imports',
  '--no-lock',
];

/** The command that runs the shared suites in process, for the runtimes that run a script. */
export function runnerCommand(runtime: Exclude<RuntimeName, 'workerd'>): string[] {
  const script = 'src/runners/main.ts';
  if (runtime === 'node') return [process.execPath, '--import', 'tsx', script];
  if (runtime === 'bun') return [bin('bun'), script];
  return [bin('deno'), ...denoRun, script];
}

/** `wrangler dev` of a Worker: workerd on this machine, offline. */
export function wranglerDev(port: number, config = 'wrangler.toml'): string[] {
  return [bin('wrangler'), 'dev', '--config', config, '--ip', '127.0.0.1', '--port', String(port)];
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Launched {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the first match of `pattern` in its output; rejects if it exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Stops it and every process it started (its process group). */
  stop(): Promise<void>;
}

/** Starts `command` in its own process group, in `cwd`, with the quiet environment and `env`. */
export function launch(command: readonly string[], cwd: string, env: Record<string, string> = {}): Launched {
  const [program, ...args] = command as [string, ...string[]];
  const child = spawn(program, args, {
    cwd,
    env: { ...process.env, ...quietEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => text,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const match = pattern.exec(text);
          if (!match) return;
          listeners.delete(look);
          resolve(match);
        };
        listeners.add(look);
        look();
        exited.then(() => {
          listeners.delete(look);
          reject(new Error(`${command.join(' ')} exited (${child.exitCode ?? child.signalCode}):\n${text}`));
        });
      }),
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // the whole group has exited already
      }
      await exited;
    },
  };
}
