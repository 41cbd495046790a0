import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One lock for the whole machine, so that two benchmark runs never load servers at the same time. */
const LOCK = join(tmpdir(), 'flama-bench.lock');
let held = false;

/**
 * Runs `task` while holding the machine's benchmark lock, waiting for any other run that holds it
 * (a lock left by a process that no longer exists is taken over).
 */
export async function exclusively<T>(task: () => Promise<T>, log?: (line: string) => void): Promise<T> {
  if (held) return task();
  let told = false;
  while (!tryLock()) {
    if (!told && log) {
      log(`  waiting for another benchmark run (pid ${owner() ?? '?'}) to finish its measurement`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  held = true;
  try {
    return await task();
  } finally {
    release();
  }
}

function tryLock(): boolean {
  try {
    const fd = openSync(LOCK, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    process.once('exit', release);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const pid = owner();
  if (pid !== undefined && !alive(pid)) {
    try {
      unlinkSync(LOCK);
    } catch {
      // another run took it over first
    }
  }
  return false;
}

function release(): void {
  if (!held) return;
  held = false;
  process.off('exit', release);
  try {
    if (owner() === process.pid) unlinkSync(LOCK);
  } catch {
    // already gone
  }
}

function owner(): number | undefined {
  try {
    const pid = Number(readFileSync(LOCK, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
