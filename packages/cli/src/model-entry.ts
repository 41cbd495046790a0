import type { LoadOptions } from '@flama/ml';
import type { ModelEntry } from './flama-config';
import type { ModelSpec } from './model-app';

/** A config file's model entry as the app takes it: its path resolved, its snake_case settings as load options. */
export function modelSpec(entry: ModelEntry, resolvePath: (path: string) => string): ModelSpec {
  const { url, path, name, version, batching, max_batch_size, max_queue_delay } = entry;
  const load: LoadOptions = withoutUndefined({
    threads: entry.threads,
    batching:
      batching === false
        ? false
        : max_batch_size === undefined && max_queue_delay === undefined
          ? undefined
          : withoutUndefined({ maxBatchSize: max_batch_size, maxQueueDelay: max_queue_delay }),
    maxQueueSize: entry.max_queue_size,
    timeout: entry.timeout,
    inlineRunMs: entry.inline_run_ms,
    intraOpNumThreads: entry.intra_op_threads,
    graphOptimizationLevel: entry.graph_optimization_level,
    executionProviders: entry.execution_providers,
  });
  return {
    url,
    path: resolvePath(path),
    name,
    ...(version !== undefined && { version }),
    ...(Object.keys(load).length > 0 && { load }),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
