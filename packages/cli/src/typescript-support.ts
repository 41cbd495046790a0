import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

let ready: Promise<void> | undefined;

/**
 * Makes sure this process can import TypeScript before an app file is imported: Node caches a failed import,
 * so registering tsx after `Unknown file extension ".ts"` would be too late for that file. A process that
 * already loads TypeScript (`flama` in a checkout, `node --import tsx`, a test runner) is left as it is; the
 * check imports a one-line `.mts` file once per process.
 */
export function ensureTypeScriptSupport(): Promise<void> {
  ready ??= canImportTypeScript().then((can) => {
    if (!can) register();
  });
  return ready;
}

async function canImportTypeScript(): Promise<boolean> {
  const directory = await mkdtemp(join(tmpdir(), 'flama-typescript-'));
  const probe = join(directory, 'probe.mts');
  try {
    await writeFile(probe, 'const supported: boolean = true;\nexport default supported;\n');
    await import(pathToFileURL(probe).href);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_UNKNOWN_FILE_EXTENSION') return false;
    throw error;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
