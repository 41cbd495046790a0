import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Servable } from '@flama/routing';
import { tsImport } from 'tsx/esm/api';
import { CliError } from './cli-error';
import { ensureTypeScriptSupport } from './typescript-support';

/** What `flama run` can serve: a Flama app, or anything with a fetch handler (a plain Hono app). */
export type ServableApp = Pick<Servable, 'fetch'> & Partial<Servable>;

/** Splits `src/app.ts:api` into the file and the export name (default `app`, else the default export). */
export function parseAppReference(reference: string): { file: string; exportName: string | undefined } {
  const match = /^(.*?)(?::([A-Za-z_$][\w$]*))?$/.exec(reference);
  return { file: match?.[1] ?? reference, exportName: match?.[2] };
}

/** Imports a TypeScript or JavaScript module (relative to the working directory) and finds its app. */
export function loadApp(reference: string, cwd = process.cwd()): Promise<ServableApp> {
  return loadAppWith(importModule, reference, cwd);
}

/** `loadApp`, importing the file with `load` (the reload check's import tracks the files it reads). */
export async function loadAppWith(
  load: (path: string) => Promise<Record<string, unknown>>,
  reference: string,
  cwd: string,
): Promise<ServableApp> {
  const { file, exportName } = parseAppReference(reference);
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new CliError(`App file not found: ${path}`);
  let module: Record<string, unknown>;
  try {
    module = await load(path);
  } catch (error) {
    throw new CliError(`Could not import ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const candidates = exportName ? [exportName] : ['app', 'default'];
  const app = candidates.map((name) => findExport(module, name)).find((value) => value !== undefined);
  if (!isServable(app)) {
    const wanted = exportName
      ? `an export named "${exportName}"`
      : 'an export named "app" or a default export';
    const found = exportedNames(module).join(', ') || 'nothing';
    throw new CliError(`${file} has no app: expected ${wanted} with a fetch method (it exports ${found}).`);
  }
  return app;
}

/**
 * Imports an app file. Inside an ES-module package (`"type": "module"`, or .mts/.mjs) it joins this
 * process's module graph, sharing the packages the CLI already loaded (TypeScript support is registered
 * before the import when the process lacks it, as the published `flama` command does). Elsewhere tsx
 * imports it in a scope of its own, which reads ES-module syntax in files Node would take as CommonJS.
 */
async function importModule(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href;
  if (!isModuleScope(path)) return tsImport(url, import.meta.url);
  await ensureTypeScriptSupport();
  return import(url);
}

function isModuleScope(path: string): boolean {
  if (/\.m[jt]s$/.test(path)) return true;
  for (let directory = dirname(path); ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest))
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module';
    if (dirname(directory) === directory) return false;
  }
}

/** A file Node loads as CommonJS (no `"type": "module"` around it) has its exports under `default`. */
function findExport(module: Record<string, unknown>, name: string): unknown {
  const direct = module[name];
  if (isServable(direct)) return direct;
  const commonjs = module.default as Record<string, unknown> | undefined;
  if (commonjs && typeof commonjs === 'object' && !isServable(commonjs)) return commonjs[name] ?? direct;
  return direct;
}

/**
 * The names a module exports, without the `default` that CommonJS interop adds (an object holding the named
 * exports again) to a file that has no default export of its own.
 */
function exportedNames(module: Record<string, unknown>): string[] {
  const names = Object.keys(module).filter((name) => name !== 'default');
  const fallback = module.default;
  const interop =
    typeof fallback === 'object' && fallback !== null && names.every((name) => Object.hasOwn(fallback, name));
  return interop || !('default' in module) ? names : ['default', ...names];
}

function isServable(value: unknown): value is ServableApp {
  return typeof (value as ServableApp | undefined)?.fetch === 'function';
}
