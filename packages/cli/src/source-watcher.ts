import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';

/** The files whose changes count: scripts and JSON, not editors' swap and backup files, nor data files. */
const sourceFile = /\.(?:[cm]?[jt]sx?|json)$/;

/** How long writes must pause before a change counts: an editor's save is often several writes. */
const settleMs = 100;

/**
 * Watches directories for changed source files and reports the first one once writes have settled. It watches
 * directories rather than files because editors that save by renaming replace the file being watched, and so
 * that a file added beside the others is seen too.
 */
export class SourceWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private changed: string | undefined;
  private settling: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: (file: string) => void) {}

  /** Watches these directories from now on (and stops watching the others). */
  watch(directories: Iterable<string>): void {
    const wanted = new Set(directories);
    for (const [directory, watcher] of this.watchers) {
      if (wanted.has(directory)) continue;
      watcher.close();
      this.watchers.delete(directory);
    }
    for (const directory of wanted) if (!this.watchers.has(directory)) this.open(directory);
  }

  close(): void {
    clearTimeout(this.settling);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private open(directory: string): void {
    let watcher: FSWatcher;
    try {
      watcher = watch(directory, (_event, name) => {
        if (name && sourceFile.test(name)) this.saw(join(directory, name));
      });
    } catch {
      return; // gone since a file in it was loaded: nothing left to watch there
    }
    watcher.on('error', () => {
      watcher.close();
      this.watchers.delete(directory);
    });
    this.watchers.set(directory, watcher);
  }

  private saw(file: string): void {
    this.changed ??= file;
    clearTimeout(this.settling);
    this.settling = setTimeout(() => {
      const changed = this.changed ?? file;
      this.changed = undefined;
      this.onChange(changed);
    }, settleMs);
  }
}
