import type { Registry } from 'prom-client';
import { promClient } from './prom-client';
import { registered } from './registered';

/** What @flama/ml's ModelsModule tells its observers (a structural copy: this package doesn't import it). */
export interface BatchObservation {
  readonly rows: number;
  readonly requests: number;
  readonly queueDelays: readonly number[];
  readonly inferenceSeconds: number;
}

/** The model metrics, fed by `app.models.observe(...)`. */
export function modelMetrics(registry: Registry) {
  const { Gauge, Histogram } = promClient();
  const inference = registered(
    registry,
    'flama_model_inference_duration_seconds',
    () =>
      new Histogram({
        name: 'flama_model_inference_duration_seconds',
        help: 'Time of one run of a model on an inference thread, all requests of its batch together',
        labelNames: ['model'] as const,
        buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [registry],
      }),
  );
  const batchSize = registered(
    registry,
    'flama_model_batch_size',
    () =>
      new Histogram({
        name: 'flama_model_batch_size',
        help: 'Rows in one run of a model (requests joined by the batcher)',
        labelNames: ['model'] as const,
        buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 1024, 4096, 16384],
        registers: [registry],
      }),
  );
  const queueDelay = registered(
    registry,
    'flama_model_queue_delay_seconds',
    () =>
      new Histogram({
        name: 'flama_model_queue_delay_seconds',
        help: 'Time a request waited for an inference thread',
        labelNames: ['model'] as const,
        buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
        registers: [registry],
      }),
  );
  const info = registered(
    registry,
    'flama_model_info',
    () =>
      new Gauge({
        name: 'flama_model_info',
        help: 'The model served under each name: its id and version (value 1)',
        labelNames: ['model', 'id', 'version'] as const,
        registers: [registry],
      }),
  );
  const served = new Map<string, { id: string; version: string }>();

  return {
    loaded({ name, id, version }: { name: string; id: string | undefined; version: string }): void {
      const previous = served.get(name);
      if (previous) info.remove({ model: name, ...previous });
      const labels = { id: id ?? '', version };
      served.set(name, labels);
      info.set({ model: name, ...labels }, 1);
    },
    batch(model: string, { rows, queueDelays, inferenceSeconds }: BatchObservation): void {
      inference.observe({ model }, inferenceSeconds);
      batchSize.observe({ model }, rows);
      for (const delay of queueDelays) queueDelay.observe({ model }, delay);
    },
  };
}
