// Packs every public package of the workspace, as `pnpm publish` would, without `prepack` (build them first).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Packs every package under `root`/packages that isn't private into `directory`; answers `directory`. */
export function packAll(root, directory) {
  mkdirSync(directory, { recursive: true });
  for (const name of readdirSync(join(root, 'packages'))) {
    const cwd = join(root, 'packages', name);
    if (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')).private) continue;
    execFileSync('pnpm', ['--config.ignore-scripts=true', 'pack', '--pack-destination', directory], {
      cwd,
      stdio: 'ignore',
    });
  }
  return directory;
}
