import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { tsImport } from 'tsx/esm/api';
import { CliError } from './cli-error';
import { loadAppWith, type ServableApp } from './load-app';

/** Whether an app loads, and the source files it read (which `flama run --reload` watches). */
export type AppCheck = { ok: true; files: string[] } | { ok: false; error: string; files: string[] };

/**
 * The hidden `flama reload-check <app>`, run by `flama run --reload` in a throwaway process before it restarts
 * the server: loads the app and builds it without starting or serving it, sends an `AppCheck` back over IPC
 * and exits (whatever the app's import left running).
 */
export function reloadCheckCommand(program: Command): Command {
  return program
    .command('reload-check', { hidden: true })
    .argument('<app>')
    .action(async (reference: string) => {
      const send = process.send?.bind(process);
      if (!send) throw new CliError('reload-check is run by flama run --reload, over IPC.');
      process.once('disconnect', () => process.exit(1));
      const check = await checkApp(reference);
      send(check, () => process.exit(0));
    });
}

async function checkApp(reference: string): Promise<AppCheck> {
  const imported = new Set<string>();
  // tsx imports the file in a scope of its own, whatever its package type, and reports each ES module it loads.
  const load = (path: string) =>
    tsImport(pathToFileURL(path).href, {
      parentURL: import.meta.url,
      onImport: (url) => imported.add(url),
    }) as Promise<Record<string, unknown>>;
  try {
    build(await loadAppWith(load, reference, process.cwd()));
    return { ok: true, files: await sourceFiles(imported) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message, files: await sourceFiles(imported) };
  }
}

/** What a start-up would refuse without starting anything: a Flama app plans every route's injection here. */
function build(app: ServableApp): void {
  const describe = (app as { openapi?: unknown }).openapi;
  if (typeof describe === 'function') describe.call(app);
}

/**
 * The app's own files: the ES modules tsx reported, and the CommonJS ones Node cached (files outside an
 * ES-module package load as CommonJS), without installed packages.
 */
async function sourceFiles(imported: Set<string>): Promise<string[]> {
  // tsx reports imports from its loader thread: let the last reports arrive.
  await new Promise((resolve) => setImmediate(resolve));
  const modules = [...imported].filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url));
  // CommonJS modules loaded in tsx's scope are cached as `<path>?namespace=<id>`.
  const required = Object.keys(createRequire(import.meta.url).cache).map((key) => key.replace(/\?.*$/, ''));
  const files = [...modules, ...required].filter(
    (path) => isAbsolute(path) && !/[\\/]node_modules[\\/]/.test(path),
  );
  return [...new Set(files)];
}
