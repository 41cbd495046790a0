import { mkdirSync, writeFileSync } from 'node:fs';
import { format, NOISY, noisy, type ServerResult } from './load';
import { median } from './stats';

export interface Ratio {
  label: string;
  /** What is divided by what, by server name. */
  of: [string, string];
  /** Median req/s of the first over median req/s of the second. */
  value: number;
  /** The same ratio within each round (measured minutes apart at most): its spread shows the noise. */
  perRound: number[];
  /** Which rounds were quiet for both servers. */
  quietRounds: boolean[];
  /** The least acceptable value, when there is a target. */
  target?: number;
  pass?: boolean;
}

export function ratio(
  label: string,
  numerator: ServerResult,
  denominator: ServerResult,
  target?: number,
): Ratio {
  const value = numerator.requestsPerSecond / denominator.requestsPerSecond;
  const perRound = numerator.rounds.map(
    (round, index) => round.requestsPerSecond / denominator.rounds[index]!.requestsPerSecond,
  );
  const quietRounds = numerator.rounds.map(
    (round, index) => !noisy(round) && !noisy(denominator.rounds[index]!),
  );
  const result: Ratio = { label, of: [numerator.name, denominator.name], value, perRound, quietRounds };
  if (target !== undefined) Object.assign(result, { target, pass: value >= target });
  return result;
}

/** The medians per server, with how many rounds they are over and how busy the server kept its core. */
export function printTable(results: readonly ServerResult[], log: (line: string) => void): void {
  const width = Math.max(6, ...results.map((r) => r.name.length));
  log(
    `${'server'.padEnd(width)}  ${'req/s'.padStart(9)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'rounds'.padStart(6)}  server cpu`,
  );
  for (const r of results) {
    const cpus = r.rounds.flatMap((round) => (round.serverCpu === undefined ? [] : [round.serverCpu]));
    const cpu = cpus.length > 0 ? `${Math.round(median(cpus) * 100)}%` : '?';
    log(
      `${r.name.padEnd(width)}  ${format(r.requestsPerSecond, 0).padStart(9)}  ${format(r.p50, 2).padStart(7)}  ${format(r.p99, 2).padStart(7)}  ${`${r.counted}/${r.rounds.length}`.padStart(6)}  ${cpu.padStart(10)}`,
    );
  }
}

/** Says how many measurements overlapped other work on the machine, if any did. */
export function printNoise(results: readonly ServerResult[], log: (line: string) => void): void {
  const rounds = results.flatMap((r) => r.rounds);
  const count = rounds.filter(noisy).length;
  if (count > 0) {
    log(
      `warning: during ${count} of ${rounds.length} measurements other processes used ≥ ${NOISY * 100}% of the machine; the medians leave those out where a server had a quiet round (see "rounds"), and so do the ratios' spreads.`,
    );
  }
}

export function printRatios(ratios: readonly Ratio[], log: (line: string) => void): void {
  const width = Math.max(...ratios.map((r) => `${r.label}  ${r.of.join(' / ')}`.length));
  for (const r of ratios) {
    const quiet = r.perRound.filter((_, index) => r.quietRounds[index]);
    const shown = quiet.length > 0 ? quiet : r.perRound;
    const which = quiet.length > 0 ? `${quiet.length} quiet rounds` : 'rounds, all noisy';
    const spread = `(${which}: ${format(Math.min(...shown), 2)}–${format(Math.max(...shown), 2)})`;
    const target =
      r.target === undefined ? '' : `  target ≥ ${format(r.target, 2)}  ${r.pass ? 'PASS' : 'MISS'}`;
    log(`${`${r.label}  ${r.of.join(' / ')}`.padEnd(width)}  ${format(r.value, 2)}  ${spread}${target}`);
  }
}

/** Writes `data` to bench/results/<name>-<timestamp>.json and returns the path. */
export function writeResults(name: string, data: unknown): string {
  const directory = new URL('../results/', import.meta.url);
  mkdirSync(directory, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = new URL(`${name}-${stamp}.json`, directory);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file.pathname;
}
