import type { MiddlewareHandler } from 'hono';
import type { Registry } from 'prom-client';
import { answerClusterMetrics } from './cluster-metrics';
import { httpMetrics } from './http-metrics';
import { type BatchObservation, modelMetrics } from './model-metrics';
import { promClient } from './prom-client';

export interface PrometheusMetricsOptions {
  /** Where the metrics are served (`GET`); `false` to serve them yourself from `registry`. Default `/metrics`. */
  path?: string | false;
  /**
   * Default: prom-client's global registry, which its cluster aggregator reads in every worker (what
   * `flama serve --server-workers N` uses to serve one scrape for all of them).
   */
  registry?: Registry;
  /** prom-client's process metrics (CPU, memory, event-loop lag, GC); default true. */
  processMetrics?: boolean;
}

const withProcessMetrics = new WeakSet<Registry>();

/**
 * Prometheus metrics of an app: `middleware` counts and times requests by route template and serves
 * `GET /metrics`; as a model observer (`app.models.observe(metrics)`) it records inference time, batch sizes,
 * queue delays and which model is served. Works on a plain Hono app too (`hono.use(metrics.middleware)`).
 */
export class PrometheusMetrics {
  readonly registry: Registry;
  readonly path: string | false;
  readonly middleware: MiddlewareHandler;
  private readonly models: ReturnType<typeof modelMetrics>;

  constructor(options: PrometheusMetricsOptions = {}) {
    const { collectDefaultMetrics, register } = promClient();
    this.registry = options.registry ?? register;
    this.path = options.path ?? '/metrics';
    if ((options.processMetrics ?? true) && !withProcessMetrics.has(this.registry)) {
      collectDefaultMetrics({ register: this.registry });
      withProcessMetrics.add(this.registry);
    }
    if (this.registry === register) answerClusterMetrics();
    this.middleware = httpMetrics(this.registry, this.path);
    this.models = modelMetrics(this.registry);
  }

  loaded(model: { name: string; id: string | undefined; version: string }): void {
    this.models.loaded(model);
  }

  batch(model: string, observation: BatchObservation): void {
    this.models.batch(model, observation);
  }
}
