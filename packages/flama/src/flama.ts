import { attachDocs } from '@flama/docs-ui';
import { McpModule } from '@flama/mcp';
import { PrometheusMetrics } from '@flama/metrics';
import { ModelsModule, type ServingOptions } from '@flama/ml';
import { App, type AppOptions } from '@flama/routing';

export interface FlamaOptions extends AppOptions {
  /** Where the docs page is served (default `/docs/`); `false` serves none. Needs the schema. */
  docs?: string | false;
  /** Scalar's configuration for the docs page (theme, layout, …). */
  docsConfiguration?: Record<string, unknown>;
  /** How served models run: inference threads, batching, queue size, deadline, file watching, OIP routes. */
  serving?: ServingOptions;
  /** Prometheus metrics of requests and models at `/metrics` (`true`) or the path given; default none. */
  metrics?: boolean | string;
}

/**
 * A Flama app: the app core from @flama/routing, its models and its docs page, in one class.
 * It owns a Hono app (it does not extend Hono, whose `route` and `mount` mean other things).
 *
 * @example
 * const app = new Flama({ title: 'Churn', version: '1.0.0', health: true, metrics: true });
 * app.get('/', { summary: 'Hello' }, () => 'Hello 🔥');
 * app.models.addModel('/churn/', 'data/model.flm', 'churn');
 * // flama run src/app.ts → /docs/, /schema/, /churn/predict/, /v2/…, /metrics
 */
export class Flama extends App {
  /** Serves models: `app.models.addModel('/churn/', 'data/model.flm', 'churn')`, `addModelResource(path, resource)`. */
  readonly models: ModelsModule;
  /**
   * MCP servers served by this app at paths of its own (Flama's `app.mcp.add_server`):
   * `app.mcp.addServer('/mcp/', { name: 'notes' }).tool('count', { input }, handler)`.
   */
  readonly mcp: McpModule = new McpModule(this);
  private readonly docs: string | undefined;

  constructor(options: FlamaOptions = {}) {
    super(options);
    this.models = new ModelsModule(this, options.serving);
    this.addModule(this.models);
    if (options.metrics) {
      const metrics = new PrometheusMetrics({
        path: options.metrics === true ? '/metrics' : options.metrics,
      });
      this.addMiddleware(metrics.middleware);
      this.models.observe(metrics);
    }
    this.docs = options.docs === false || !this.schemaPath ? undefined : (options.docs ?? '/docs/');
    if (this.docs) attachDocs(this, { path: this.docs, configuration: options.docsConfiguration });
  }

  override get docsPath(): string | undefined {
    return this.docs;
  }
}
