import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An artifact name that the model does not have. */
export class ArtifactNotFoundError extends Error {
  override name = 'ArtifactNotFoundError';
}

/** A model's artifacts (files packed beside it), by name: as bytes, text, JSON, or a file on disk. */
export class Artifacts {
  private directory: Promise<string> | undefined;
  private readonly paths = new Map<string, Promise<string>>();

  constructor(private readonly contents: ReadonlyMap<string, Uint8Array>) {}

  get names(): string[] {
    return [...this.contents.keys()];
  }

  has(name: string): boolean {
    return this.contents.has(name);
  }

  bytes(name: string): Uint8Array {
    const content = this.contents.get(name);
    if (!content) {
      throw new ArtifactNotFoundError(
        `No artifact "${name}"; the model has ${this.names.join(', ') || 'none'}.`,
      );
    }
    return content;
  }

  text(name: string): string {
    return new TextDecoder().decode(this.bytes(name));
  }

  json<T = unknown>(name: string): T {
    return JSON.parse(this.text(name)) as T;
  }

  /** The artifact written once to a private temporary directory, for libraries that want a path. */
  path(name: string): Promise<string> {
    const content = this.bytes(name);
    let path = this.paths.get(name);
    if (!path) {
      this.directory ??= mkdtemp(join(tmpdir(), 'flama-artifacts-'));
      path = this.directory.then(async (directory) => {
        const file = join(directory, name);
        await writeFile(file, content, { mode: 0o600 });
        return file;
      });
      this.paths.set(name, path);
    }
    return path;
  }

  /** Removes the files `path()` wrote; the paths it answered are gone afterwards. */
  async close(): Promise<void> {
    const directory = this.directory;
    this.directory = undefined;
    this.paths.clear();
    if (directory) await rm(await directory, { recursive: true, force: true });
  }
}
