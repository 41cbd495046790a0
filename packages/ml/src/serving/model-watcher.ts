import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** Editors and `flama pack` replace a file in several steps: act once the burst of events is over. */
const settle = 200;

/**
 * Watches model files and calls `changed(file)` once per burst of changes. It watches their directories,
 * not the files: a file replaced by a rename (an atomic write) is a new inode that a file watch would miss.
 */
export class ModelWatcher {
  private readonly watchers: FSWatcher[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly changed: (file: string) => unknown) {}

  watch(files: readonly string[]): void {
    const byDirectory = new Map<string, Map<string, string>>();
    for (const file of files) {
      const directory = dirname(resolve(file));
      const names = byDirectory.get(directory) ?? new Map<string, string>();
      names.set(basename(file), file);
      byDirectory.set(directory, names);
    }
    for (const [directory, names] of byDirectory) {
      const watcher = watch(directory, (_event, name) => {
        const file = name === null ? undefined : names.get(name.toString());
        if (file !== undefined) this.schedule(file);
      });
      watcher.unref();
      this.watchers.push(watcher);
    }
  }

  close(): void {
    for (const watcher of this.watchers.splice(0)) watcher.close();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(file: string): void {
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        this.changed(file);
      }, settle),
    );
  }
}
