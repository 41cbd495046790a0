import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { binPath } from './cli-process';

export interface PipedCli {
  child: ChildProcessWithoutNullStreams;
  /** Writes to its standard input, which stays open until `end()`. */
  send(text: string): void;
  end(): void;
  /** The next line it writes on standard output (undefined once the output has ended). */
  nextLine(): Promise<string | undefined>;
  /** Its exit code and everything it wrote on standard error. */
  exited: Promise<{ code: number | null; stderr: string }>;
}

/** Starts `flama <args>` with its standard input kept open, to talk to it a line at a time. */
export function pipeCli(args: string[], options: { cwd?: string } = {}): PipedCli {
  const child = spawn(process.execPath, [binPath, ...args], { cwd: options.cwd, stdio: 'pipe' });
  // The CLI may exit without reading its input (what some tests check): writing then fails with EPIPE.
  child.stdin.on('error', () => {});
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    send: (text) => child.stdin.write(text),
    end: () => child.stdin.end(),
    nextLine: async () => (await lines.next()).value,
    exited: new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr }))),
  };
}
