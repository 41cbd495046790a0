// `pnpm exec tsx bench/profile.ts <server> [filter…]`: runs one benchmark server (by its name in a benchmark's
// `servers`, e.g. "flama+inject") under `node --cpu-prof`, loads it with wrk like a measurement does, and prints
// the functions with the most self time: overall, and those whose file matches a filter (default: our packages).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchmarks } from './benchmarks';
import { bySource, selfTimes } from './lib/cpu-profile';
import { cpuPlan } from './lib/cpus';
import type { LoadSpec } from './lib/load';
import { exclusively } from './lib/lock';
import { startServer } from './lib/server';
import { readSettings } from './lib/settings';
import { ensureWrk, runWrk } from './lib/wrk';

const [name, ...filters] = process.argv.slice(2).filter((arg) => arg !== '--');
const specs: LoadSpec[] = [];
for (const load of Object.values(benchmarks)) specs.push(...((await load()).default.servers ?? []));
const spec = specs.find((s) => s.name === name);
if (!spec) {
  console.error(
    `usage: tsx bench/profile.ts <server> [filter…]; servers: ${specs.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}

ensureWrk();
const root = fileURLToPath(new URL('..', import.meta.url));
const settings = readSettings();
const cpus = cpuPlan();
const directory = mkdtempSync(join(tmpdir(), 'flama-profile-'));
const result = await exclusively(async () => {
  const server = await startServer(spec, cpus.server, {
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${directory}`],
  });
  const url = server.url + spec.path;
  const wrk = {
    url,
    connections: settings.connections,
    headers: spec.headers,
    body: spec.body,
    pin: cpus.load,
  };
  await runWrk({ ...wrk, seconds: settings.warmup });
  const measured = await runWrk({ ...wrk, seconds: settings.seconds });
  await server.stop();
  return measured;
}, console.log);

const file = readdirSync(directory).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`No profile was written in ${directory}.`);
const times = selfTimes(join(directory, file), root);
const patterns = (filters.length > 0 ? filters : ['packages/']).map((f) => new RegExp(f));
const show = (rows: typeof times) => {
  for (const row of rows) console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.location}`);
};
console.log(
  `${spec.name}: ${Math.round(result.requestsPerSecond)} req/s under the profiler; profile ${join(directory, file)}\n`,
);
console.log('self time by source (share of busy time):');
for (const { source, share } of bySource(times).slice(0, 12))
  console.log(`${(share * 100).toFixed(1).padStart(5)}%  ${source}`);
console.log('\ntop self time:');
show(times.slice(0, 25));
console.log(`\nself time in files matching ${patterns.map(String).join(' ')}:`);
show(times.filter((row) => patterns.some((p) => p.test(row.location))).slice(0, 25));
