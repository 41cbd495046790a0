// Run by deploy/Dockerfile's build stage, never in a checkout: it rewrites package.json files in place.
// Workspace packages load their TypeScript sources (`exports` → src/) and ship only dist/ (`files`);
// `pnpm publish` swaps in `publishConfig` (`exports` → dist/), `pnpm deploy` doesn't (pnpm/pnpm#6693).
// Applying it first makes the packages that `pnpm deploy` copies load the way published ones do.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

for (const folder of readdirSync('packages')) {
  const file = `packages/${folder}/package.json`;
  const { publishConfig, ...manifest } = JSON.parse(readFileSync(file, 'utf8'));
  if (publishConfig) writeFileSync(file, `${JSON.stringify({ ...manifest, ...publishConfig }, null, 2)}\n`);
}
