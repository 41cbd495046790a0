// Installs packages as a user gets them from the registry, for measuring them outside the workspace (bench/):
// packs every package (run `pnpm build` first) and npm-installs the named ones into a fresh project.
//
//   node scripts/install-packed.mjs DIRECTORY [PACKAGE…]     (default: flama)
//
// The project is DIRECTORY/project; npm's cache is the pack-and-install test's, so a second run downloads nothing.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installProject } from './pack-install/npm-project.mjs';
import { packAll } from './pack-install/pack-all.mjs';
import { readTarballs } from './pack-install/tarballs.mjs';

const [directory, ...names] = process.argv.slice(2);
if (!directory) {
  console.error('usage: node scripts/install-packed.mjs DIRECTORY [PACKAGE…]');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const tarballs = readTarballs(packAll(root, join(directory, 'packs')));
const project = join(directory, 'project');
const cache = join(root, 'node_modules', '.cache', 'pack-install-npm');
await installProject(project, names.length > 0 ? names : ['flama'], tarballs, cache);
console.log(project);
