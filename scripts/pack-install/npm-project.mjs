// A fresh npm project outside the workspace, as a user makes one (`npm init -y`: CommonJS), with packed
// tarballs installed by npm: install scripts on, ONNX Runtime's CUDA download off.
import { execFile } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The environment npm runs in: this script's, without the npm_* settings a package manager running it passed
 * down (`pnpm check:packages` sets some), and with onnxruntime-node's install script told not to download CUDA.
 */
export function npmEnvironment() {
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
  );
  return { ...environment, ONNXRUNTIME_NODE_INSTALL: 'skip' };
}

/**
 * Creates `directory` as `npm init -y` does and installs `names` from their tarballs. Every packed package is an
 * override, so that dependencies between them resolve to the tarballs rather than to the registry.
 */
export async function installProject(directory, names, tarballs, cache) {
  mkdirSync(directory, { recursive: true });
  const options = { cwd: directory, env: npmEnvironment(), maxBuffer: 64 * 1024 * 1024 };
  await run('npm', ['init', '-y'], options);
  const manifestPath = join(directory, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const specs = Object.fromEntries(tarballs.map(({ name, path }) => [name, `file:${path}`]));
  manifest.dependencies = Object.fromEntries(names.map((name) => [name, specs[name]]));
  manifest.overrides = specs;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const flags = ['--cache', cache, '--prefer-offline', '--ignore-scripts=false', '--no-audit', '--no-fund'];
  try {
    await run('npm', ['install', ...flags, '--loglevel=error'], options);
  } catch (error) {
    throw new Error(`npm install in ${directory} failed:\n${error.stderr || error.message}`);
  }
}

/** Bytes on disk under `path`, as `du` counts them (blocks, each hard link once). */
export function diskUsage(path, seen = new Set()) {
  const stats = lstatSync(path);
  if (seen.has(stats.ino)) return 0;
  seen.add(stats.ino);
  let bytes = stats.blocks * 512;
  if (stats.isDirectory()) {
    for (const name of readdirSync(path)) bytes += diskUsage(join(path, name), seen);
  }
  return bytes;
}

/** Every installed copy of package `name` under `nodeModules` (nested ones included), by directory. */
export function installedCopies(nodeModules, name) {
  const copies = [];
  const visit = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === '.bin') continue;
      const path = join(directory, entry.name);
      if (entry.name.startsWith('@')) {
        visit(path);
        continue;
      }
      if (path.endsWith(join('node_modules', name))) copies.push(path);
      const nested = join(path, 'node_modules');
      if (isDirectory(nested)) visit(nested);
    }
  };
  visit(nodeModules);
  return copies;
}

function isDirectory(path) {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
