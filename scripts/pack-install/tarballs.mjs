// The packed tarballs, read as the registry would serve them: which package each one holds, and what a
// publishable one must have (a licence, a README whose links work off GitHub, a manifest without workspace
// ranges, a prepack that builds).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every tarball in `directory`, with its package name and the manifest and README it ships. */
export function readTarballs(directory) {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.tgz'))
    .map((file) => {
      const path = join(directory, file);
      const manifest = JSON.parse(entry(path, 'package/package.json'));
      const files = execFileSync('tar', ['-tzf', path], { encoding: 'utf8' }).trim().split('\n');
      const readme = files.includes('package/README.md') ? entry(path, 'package/README.md') : '';
      return { name: manifest.name, path, manifest, files, readme };
    });
}

/**
 * The problems of a tarball as published, one line each (none: publishable). `source` is the package.json it was
 * packed from: packing drops `prepack` from the manifest it ships.
 */
export function tarballProblems({ manifest, files, readme }, source) {
  const problems = [];
  const has = (file) => files.includes(`package/${file}`);
  for (const file of ['LICENSE', 'README.md', 'package.json']) if (!has(file)) problems.push(`no ${file}`);
  for (const target of exportTargets(manifest.exports)) {
    if (!has(target.replace(/^\.\//, ''))) problems.push(`exports ${target}, which it does not ship`);
  }
  if (!manifest.types || !has(manifest.types.replace(/^\.\//, '')))
    problems.push('no top-level types it ships');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) problems.push(`${field}.${name} is ${range}`);
    }
  }
  if (!/\bbuild\b/.test(source.scripts?.prepack ?? '')) problems.push('no prepack script that builds');
  if (!manifest.repository?.url || !manifest.repository?.directory)
    problems.push('no repository url and directory');
  if (!manifest.engines?.node) problems.push('no engines.node');
  if (manifest.sideEffects === undefined) problems.push('no sideEffects');
  if (manifest.license !== 'MIT') problems.push(`license ${manifest.license}, not MIT`);
  for (const link of relativeLinks(readme)) problems.push(`README links to ${link}, dead on the registry`);
  return problems;
}

/** The links of a README that only resolve beside its sources (relative paths), not on the registry's page. */
function relativeLinks(markdown) {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^(https?:|mailto:|#)/.test(target));
}

function exportTargets(exports) {
  if (typeof exports === 'string') return [exports];
  if (!exports || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

function entry(tarball, file) {
  return execFileSync('tar', ['-xzOf', tarball, file], { encoding: 'utf8' });
}
