import { randomUUID } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DatabaseInUseError, type DirectoryOwner } from './connection-errors';

/** The lock file an embedded database directory holds while a process has it open. */
export const LOCK_FILE = 'flama.lock';

/** Lock files this process holds, so that it knows its own pid's locks from those of a dead predecessor. */
const held = new Set<string>();

/**
 * Takes `directory` for this process, or throws DatabaseInUseError naming the live process holding it. A lock
 * left by a process that died (no longer running, e.g. killed with SIGKILL) is taken over. The lock file appears
 * complete and atomically (a hard link to a file written beforehand), so two starters can't both win.
 * Resolves to the function that releases it.
 */
export async function lockDirectory(directory: string): Promise<() => Promise<void>> {
  const path = join(directory, LOCK_FILE);
  const owner: DirectoryOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
  };
  const draft = `${path}.${randomUUID()}`;
  await writeFile(draft, JSON.stringify({ ...owner, nonce: randomUUID() }));
  try {
    for (;;) {
      if (await linkIfAbsent(draft, path)) {
        held.add(path);
        break;
      }
      const current = await readLock(path);
      if (current === undefined) continue; // released meanwhile: try again
      if (current.owner && isAlive(current.owner, path))
        throw new DatabaseInUseError(directory, current.owner, path);
      await removeStale(path, current.text);
    }
  } finally {
    await unlink(draft);
  }
  return async () => {
    held.delete(path);
    await unlink(path).catch(ignoreMissing);
  };
}

async function linkIfAbsent(source: string, target: string): Promise<boolean> {
  try {
    await link(source, target);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
}

/** The lock file's text and, when it is readable, its owner; undefined when there is none. */
async function readLock(path: string): Promise<{ text: string; owner?: DirectoryOwner } | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    ignoreMissing(error);
    return undefined;
  }
  try {
    const owner = JSON.parse(text) as DirectoryOwner;
    return Number.isInteger(owner.pid) ? { text, owner } : { text };
  } catch {
    return { text }; // not ours to read: nobody can hold it
  }
}

/** Whether the lock's process still runs. Another host's process can't be checked: it is taken as running. */
function isAlive(owner: DirectoryOwner, path: string): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return held.has(path);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) !== 'ESRCH'; // EPERM: running, under another user
  }
}

/**
 * Removes the stale lock whose text is `stale`. It is first moved aside, then checked: when another starter
 * replaced it with its own lock in between, that lock is what moved, and it is put back.
 */
async function removeStale(path: string, stale: string): Promise<void> {
  const aside = `${path}.stale-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    ignoreMissing(error);
    return;
  }
  if ((await readFile(aside, 'utf8')) !== stale) await linkIfAbsent(aside, path);
  await unlink(aside);
}

function ignoreMissing(error: unknown): void {
  if (codeOf(error) !== 'ENOENT') throw error;
}

function codeOf(error: unknown): unknown {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
