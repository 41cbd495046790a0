import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const binPath = fileURLToPath(new URL('../../bin/flama.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `flama <args>` to completion. */
export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [binPath, ...args], { cwd: options.cwd, stdio: 'pipe' });
  const result: CliResult = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (result.stdout += chunk));
  child.stderr.on('data', (chunk) => (result.stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ ...result, code })));
}

export interface ServingCli {
  url: string;
  child: ChildProcess;
  /** Everything written so far, standard output and error mixed. */
  output: () => string;
  /** Everything written on standard error so far. */
  stderr: () => string;
  /** Resolves once the output holds `text` `times` times. */
  waitFor(text: string, times?: number): Promise<void>;
  /** The exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `flama <args>` and waits for the line announcing its URL. */
export function serveCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<ServingCli> {
  const env = options.env && { ...process.env, ...options.env };
  const child = spawn(process.execPath, [binPath, ...args], { cwd: options.cwd, env, stdio: 'pipe' });
  let output = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waiting = new Set<() => void>();
  const waitFor = (text: string, times = 1) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (output.split(text).length - 1 < times) return;
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
    });
  const received = (chunk: Buffer) => {
    output += chunk;
    for (const check of [...waiting]) check();
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      received(chunk);
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) {
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          stderr: () => stderr,
          waitFor,
          exited,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      received(chunk);
    });
    void exited.then((code) => reject(new Error(`flama exited with ${code} before serving:\n${output}`)));
  });
}
