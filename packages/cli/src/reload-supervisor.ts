import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppCheck } from './app-check';
import { parseAppReference } from './load-app';
import { signalExitCode } from './signals';
import { SourceWatcher } from './source-watcher';

/** The `flama` command's entry, which registers TypeScript support before loading the CLI (src or dist). */
const flamaBin = fileURLToPath(new URL('../bin/flama.js', import.meta.url));

function flama(args: string[], stdio: StdioOptions, env = process.env): ChildProcess {
  return spawn(process.execPath, [flamaBin, ...args], { stdio, env });
}

/** Set for the server the supervisor starts, which then stops when the supervisor is gone. */
const supervisedVariable = 'FLAMA_RELOAD_SUPERVISED';

/**
 * In a server started by `flama run --reload`: shut down gracefully once the supervisor is gone, even killed
 * with SIGKILL (its IPC channel closes), rather than keep the port. Cluster workers follow their primary.
 */
export function followSupervisor(): void {
  if (process.env[supervisedVariable] !== '1' || !process.channel) return;
  delete process.env[supervisedVariable];
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

/**
 * `flama run --reload`: serves the app in a child process and watches the files it imports. On a change, a
 * throwaway process first checks that the app still loads and builds; only then is the server restarted.
 * Otherwise the error is printed as one block and the previous version keeps serving until the next change.
 */
export class ReloadSupervisor {
  private readonly appFile: string;
  private readonly watcher = new SourceWatcher((file) => this.changed(file));
  /** The files the last check saw the app read (after a failed check, those of earlier checks too). */
  private files = new Set<string>();
  private server: ChildProcess | undefined;
  /** The server being replaced, until it has exited. */
  private retiring: ChildProcess | undefined;
  private checking: ChildProcess | undefined;
  /** A change not handled yet; `file` is undefined for the first start. */
  private pending: { file: string | undefined } | undefined;
  private busy = false;
  private stopping = false;

  /** `args` are the command's own (`run app.ts --server-port 0 …`), without `--reload`. */
  constructor(
    private readonly reference: string,
    private readonly args: string[],
  ) {
    this.appFile = resolve(parseAppReference(reference).file);
  }

  /** Starts serving and watching; exits the process when a SIGTERM or SIGINT has stopped the server. */
  run(): Promise<never> {
    const stop = (signal: NodeJS.Signals) => this.stop(signal);
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.on('SIGHUP', () => this.server?.kill('SIGHUP'));
    this.pending = { file: undefined };
    void this.handleChanges();
    return new Promise<never>(() => {});
  }

  private changed(file: string): void {
    if (this.stopping) return;
    this.pending = { file };
    this.checking?.kill('SIGKILL'); // what it checks is out of date
    if (!this.busy) void this.handleChanges();
  }

  /** Handles changes one at a time; a change arriving during a check makes that check moot. */
  private async handleChanges(): Promise<void> {
    this.busy = true;
    while (this.pending && !this.stopping) {
      const { file } = this.pending;
      this.pending = undefined;
      const check = await this.check();
      if (this.pending || this.stopping) continue;
      this.watch(check);
      if (check.ok) await this.restart(file);
      else this.report(file, check.error);
    }
    this.busy = false;
  }

  private async check(): Promise<AppCheck> {
    const child = flama(['reload-check', this.reference], ['ignore', 'ignore', 'pipe', 'ipc']);
    this.checking = child;
    let stderr = '';
    let check: AppCheck | undefined;
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('message', (message) => (check = message as AppCheck));
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    if (this.checking === child) this.checking = undefined;
    return (
      check ?? { ok: false, error: stderr.trim() || `The check exited with ${signal ?? code}.`, files: [] }
    );
  }

  private watch(check: AppCheck): void {
    if (check.ok) this.files = new Set(check.files);
    for (const file of [this.appFile, ...check.files]) this.files.add(file);
    this.watcher.watch(new Set([...this.files].map((file) => dirname(file))));
  }

  private async restart(file: string | undefined): Promise<void> {
    const previous = this.server;
    if (previous) {
      console.log(`Restarting: ${this.shown(file ?? this.appFile)} changed.`);
      this.server = undefined;
      this.retiring = previous;
      previous.kill('SIGTERM');
      if (running(previous)) await once(previous, 'exit');
      this.retiring = undefined;
    }
    if (this.stopping) return;
    const server = flama(this.args, ['inherit', 'inherit', 'inherit', 'ipc'], {
      ...process.env,
      [supervisedVariable]: '1',
    });
    this.server = server;
    server.on('exit', (code, signal) => {
      if (this.server !== server) return; // replaced on purpose
      this.server = undefined;
      if (this.stopping) return;
      console.error(
        `flama: the server exited (${signal ?? `code ${code}`}); it restarts when a file changes.`,
      );
    });
  }

  /** One block on stderr: what changed, that the previous version still serves, and the error. */
  private report(file: string | undefined, error: string): void {
    const what = file ? `${this.shown(file)} changed, but the app does not load` : 'The app does not load';
    const serving = this.server ? 'the previous version keeps serving' : 'nothing is served';
    const lines = error.split('\n').map((line) => `  ${line}`);
    console.error([`flama: ${what}; ${serving} until it does:`, ...lines].join('\n'));
  }

  private shown(file: string): string {
    return relative(process.cwd(), file);
  }

  /**
   * Stops watching and checking, passes the signal on to the server (a later one forces its shutdown, as
   * usual) and exits as it does.
   */
  private stop(signal: NodeJS.Signals): void {
    const first = !this.stopping;
    this.stopping = true;
    this.watcher.close();
    this.checking?.kill('SIGKILL');
    const server = this.server ?? this.retiring;
    if (!server || !running(server)) process.exit(0);
    server.kill(signal);
    if (first) server.once('exit', (code, by) => process.exit(code ?? signalExitCode(by ?? signal)));
  }
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
