/** How long and how often to measure, from the environment. */
export interface Settings {
  /** Seconds of measured load per server and round (BENCH_SECONDS, default 10). */
  seconds: number;
  /** Interleaved rounds per server; the report shows the median (BENCH_ROUNDS, default 3). */
  rounds: number;
  /** Seconds of unmeasured load before each measurement (BENCH_WARMUP, default 2). */
  warmup: number;
  /** wrk connections (BENCH_CONNECTIONS, default 32). */
  connections: number;
  /** Longest wait, in seconds, for other processes to quiet down before each measurement (BENCH_QUIET_WAIT, default 60). */
  quietWait: number;
  /** How many times a measurement during which other processes were busy is taken again (BENCH_NOISY_RETRIES, default 2). */
  noisyRetries: number;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    seconds: positive(env, 'BENCH_SECONDS', 10),
    rounds: positive(env, 'BENCH_ROUNDS', 3),
    warmup: positive(env, 'BENCH_WARMUP', 2, true),
    connections: positive(env, 'BENCH_CONNECTIONS', 32),
    quietWait: positive(env, 'BENCH_QUIET_WAIT', 60, true),
    noisyRetries: positive(env, 'BENCH_NOISY_RETRIES', 2, true),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, zeroOk = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (zeroOk ? 0 : 1)) {
    throw new Error(`${name} must be a whole number${zeroOk ? '' : ' above 0'}, not "${raw}".`);
  }
  return value;
}
