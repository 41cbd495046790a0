// `pnpm bench [name…]`: runs the benchmarks registered in benchmarks.ts (all of them, or those whose name
// contains one of the arguments), prints their reports and writes each one's results to bench/results/.
import { fileURLToPath } from 'node:url';
import { benchmarks } from './benchmarks';
import { cpuPlan } from './lib/cpus';
import { writeResults } from './lib/report';
import { readSettings } from './lib/settings';
import { ensureWrk } from './lib/wrk';

const filters = process.argv.slice(2).filter((arg) => arg !== '--');
const names = Object.keys(benchmarks);

if (filters.includes('--list') || filters.includes('--help')) {
  console.log(
    `benchmarks: ${names.join(', ')}\nusage: pnpm bench [-- name…]   (env: BENCH_SECONDS, BENCH_ROUNDS, BENCH_WARMUP, BENCH_CONNECTIONS)`,
  );
  process.exit(0);
}

const selected = filters.length === 0 ? names : names.filter((name) => filters.some((f) => name.includes(f)));
if (selected.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ')}. Benchmarks: ${names.join(', ')}`);
  process.exit(2);
}

ensureWrk();
const root = fileURLToPath(new URL('..', import.meta.url));
const settings = readSettings();
const cpus = cpuPlan();
const log = (line: string) => console.log(line);

for (const name of selected) {
  const { default: benchmark } = await benchmarks[name]!();
  log(`\n# ${benchmark.name}: ${benchmark.description}\n`);
  const results = await benchmark.run({ root, settings, cpus, log });
  const file = writeResults(benchmark.name, {
    benchmark: benchmark.name,
    date: new Date().toISOString(),
    settings,
    machine: { node: process.version, platform: `${process.platform} ${process.arch}`, ...cpus },
    ...results,
  });
  log(`\nresults: ${file}`);
}
