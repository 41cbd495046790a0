import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseInUseError } from './connection-errors';
import { Database } from './database';
import { DatabaseModule } from './database-module';
import { LOCK_FILE } from './directory-lock';

const fixture = fileURLToPath(new URL('../testing/hold-database.ts', import.meta.url));

interface Holder {
  child: ChildProcess;
  /** Resolves with "ready", or with the exit code and stderr when it failed to open. */
  opened: Promise<{ ready: true } | { ready: false; code: number | null; stderr: string }>;
}

/** A process holding an app whose DatabaseModule opens PGlite in `directory`. */
function hold(directory: string): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, directory], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const opened = new Promise<Awaited<Holder['opened']>>((resolve) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('ready\n')) resolve({ ready: true });
    });
    child.on('exit', (code) => resolve({ ready: false, code, stderr }));
  });
  return { child, opened };
}

/** Ends a holder's stdin (it shuts its app down) and waits for its exit code. */
async function release(holder: Holder): Promise<number | null> {
  const exited = once(holder.child, 'exit');
  holder.child.stdin?.end();
  const [code] = await exited;
  return code as number | null;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

// Each test starts processes that open PGlite (seconds each, more on a busy machine): generous timeouts, no timing.
describe('one process per embedded database directory', { timeout: 120_000 }, () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'flama-ddd-lock-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('fails the second process at startup, naming the first, which goes on holding it', async () => {
    const dataDir = join(directory, 'shared');
    const first = hold(dataDir);
    expect(await first.opened).toEqual({ ready: true });

    const second = await hold(dataDir).opened;
    expect(second).toMatchObject({ ready: false, code: 1 });
    const lines = (second as { stderr: string }).stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Holder failed to start: The embedded PGlite database in ${dataDir} is in use by another process ` +
          `\\(pid ${first.child.pid} on ${hostname()}, started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\): one process at a time`,
      ),
    );

    expect(first.child.exitCode).toBeNull();
    expect(await release(first)).toBe(0);
    expect(await exists(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const dataDir = join(directory, 'killed');
    const killed = hold(dataDir);
    expect(await killed.opened).toEqual({ ready: true });
    const exited = once(killed.child, 'exit');
    killed.child.kill('SIGKILL');
    await exited;
    expect(await exists(join(dataDir, LOCK_FILE))).toBe(true);

    const next = hold(dataDir);
    expect(await next.opened).toEqual({ ready: true });
    expect(await release(next)).toBe(0);
  });

  it('lets exactly one of two processes starting together take over a stale lock', async () => {
    const dataDir = join(directory, 'race');
    const dead = hold(dataDir);
    expect(await dead.opened).toEqual({ ready: true });
    const exited = once(dead.child, 'exit');
    dead.child.kill('SIGKILL');
    await exited;

    const starters = [hold(dataDir), hold(dataDir)];
    const results = await Promise.all(starters.map((starter) => starter.opened));
    expect(results.filter((result) => result.ready)).toHaveLength(1);
    expect(results.find((result) => !result.ready)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is in use by another process'),
    });
    const winner = starters[results.findIndex((result) => result.ready)]!;
    const lock = JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(winner.child.pid);
    expect(await release(winner)).toBe(0);
  });

  it('refuses a second open in the same process until the first is closed', async () => {
    const url = `pglite://${join(directory, 'same-process')}`;
    const first = await Database.connect(url);
    const error = await Database.connect(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toContain(`is already open in this process (pid ${process.pid})`);
    await first.close();
    const again = await Database.connect(url);
    await again.close();
  });

  it('ignores a lock file left by an earlier process that had this pid', async () => {
    const dataDir = join(directory, 'reused-pid');
    const owner = { pid: process.pid, host: hostname(), startedAt: '2020-01-01T00:00:00.000Z' };
    await mkdir(dataDir);
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify(owner));
    const database = await Database.connect(`pglite://${dataDir}`);
    await database.close();
  });

  it('needs no lock for an in-memory database', async () => {
    const [a, b] = await Promise.all([
      Database.connect('pglite://memory'),
      Database.connect('pglite://memory'),
    ]);
    await Promise.all([a.close(), b.close()]);
  });

  it('marks a module on embedded PGlite as single-process', () => {
    expect(new DatabaseModule(`pglite://${directory}`).singleProcess).toBe(
      `the embedded PGlite database in ${directory} allows one process`,
    );
    expect(new DatabaseModule('pglite://memory').singleProcess).toBe(
      'the in-memory PGlite database lives in one process',
    );
    expect(new DatabaseModule('postgres://postgres@127.0.0.1:5432/test').singleProcess).toBeUndefined();
  });
});
