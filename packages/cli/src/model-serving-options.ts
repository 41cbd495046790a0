import type { ServingOptions } from '@flama/ml';
import type { Command } from 'commander';
import { CliError } from './cli-error';

export interface ModelServingFlags {
  modelThreads?: string;
  modelBatching: boolean;
  modelMaxBatchSize?: string;
  modelMaxQueueDelay?: string;
  modelMaxQueueSize?: string;
  modelTimeout?: string;
  modelInlineRunMs?: string;
  modelWatch?: boolean;
}

/** Adds the `--model-*` options that say how served models run (every model of the app). */
export function withModelServingOptions(command: Command): Command {
  return command
    .option(
      '--model-threads <n>',
      'inference threads per model (default: CPUs − 1; 0 runs on the event loop)',
    )
    .option(
      '--no-model-batching',
      'run every request alone (batching is on for models with a free batch dimension)',
    )
    .option('--model-max-batch-size <rows>', 'the most rows one batched run takes (default 64)')
    .option('--model-max-queue-delay <ms>', 'how long a small batch may wait for more rows (default 0)')
    .option(
      '--model-max-queue-size <requests>',
      'requests waiting per model before 503 + Retry-After (default 1024)',
    )
    .option('--model-timeout <ms>', 'how long a request may wait for a thread before 504 (default: no limit)')
    .option(
      '--model-inline-run-ms <ms>',
      'small runs expected under this run on the event loop while every thread is idle (default 0.25; 0: never)',
    )
    .option('--model-watch', 'reload a model when its file changes (SIGHUP reloads every model)');
}

/**
 * The serving options the flags give; with several server workers and no `--model-threads`, each process gets
 * its share of the CPUs (processes × threads ≤ CPUs, at least one thread each).
 */
export function modelServingOptions(flags: ModelServingFlags, workers: number): ServingOptions {
  const maxBatchSize = whole(flags.modelMaxBatchSize, '--model-max-batch-size', 1);
  const maxQueueDelay = whole(flags.modelMaxQueueDelay, '--model-max-queue-delay', 0);
  return omitUndefined({
    threads: whole(flags.modelThreads, '--model-threads', 0),
    processes: workers,
    batching: flags.modelBatching ? omitUndefined({ maxBatchSize, maxQueueDelay }) : false,
    maxQueueSize: whole(flags.modelMaxQueueSize, '--model-max-queue-size', 0),
    timeout: whole(flags.modelTimeout, '--model-timeout', 1),
    inlineRunMs: milliseconds(flags.modelInlineRunMs, '--model-inline-run-ms'),
    watch: flags.modelWatch,
  });
}

/** True when a flag asked for something other than the defaults (what `flama run` applies to an app's models). */
export function hasModelServingFlags(flags: ModelServingFlags): boolean {
  return (
    !flags.modelBatching ||
    [
      flags.modelThreads,
      flags.modelMaxBatchSize,
      flags.modelMaxQueueDelay,
      flags.modelMaxQueueSize,
      flags.modelTimeout,
      flags.modelInlineRunMs,
      flags.modelWatch,
    ].some((value) => value !== undefined)
  );
}

function whole(text: string | undefined, name: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new CliError(`${name} must be a whole number ≥ ${min}, not "${text}".`);
  return value;
}

function milliseconds(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new CliError(`${name} must be a number of milliseconds ≥ 0, not "${text}".`);
  return value;
}

function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
