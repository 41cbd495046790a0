import type { Settings } from './settings';

const variables = { seconds: 'BENCH_SECONDS', rounds: 'BENCH_ROUNDS', warmup: 'BENCH_WARMUP' } as const;

type Durations = Pick<Settings, keyof typeof variables>;

/**
 * `settings` with `short` in place of the defaults the environment did not override: for a suite of many
 * measurements, which would take long at the usual lengths. BENCH_SECONDS and the others still win.
 */
export function withShortDefaults(
  settings: Settings,
  short: Durations,
  env: NodeJS.ProcessEnv = process.env,
): Settings {
  const chosen = { ...settings };
  for (const key of Object.keys(variables) as (keyof Durations)[]) {
    if (!env[variables[key]]) chosen[key] = short[key];
  }
  return chosen;
}
