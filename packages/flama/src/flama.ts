import { attachDocs } from '@flama/docs-ui';
import type { Component } from '@flama/injection';
import { McpModule, servedModelTools } from '@flama/mcp';
import { PrometheusMetrics } from '@flama/metrics';
import { attachModels, type ModelsModule, type ServingOptions } from '@flama/ml';
import { App, type AppOptions } from '@flama/routing';
import type { Context } from 'hono';
import { accessTokenAuthorize, type FlamaMcpOptions, mcpSettings } from './mcp-settings';

export interface FlamaOptions extends AppOptions {
  /** Where the docs page is served (default `/docs/`); `false` serves none. Needs the schema. */
  docs?: string | false;
  /** Scalar's configuration for the docs page (theme, layout, …). */
  docsConfiguration?: Record<string, unknown>;
  /** How served models run: inference threads, batching, queue size, deadline, file watching, OIP routes. */
  serving?: ServingOptions;
  /** Prometheus metrics of requests and models at `/metrics` (`true`) or the path given; default none. */
  metrics?: boolean | string;
  /**
   * An MCP server at `/mcp/` (`true`), at the path given, or as described; default none. It is named after the
   * app, and every model the app serves is its tools (predict, and the methods marked `meta: { mcp: true }`) and
   * its metadata a resource, guarded as their routes. Add tools of your own with `app.mcp.server('/mcp/')`.
   */
  mcp?: boolean | string | FlamaMcpOptions;
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
   * `app.mcp.addServer('/mcp/', { name: 'notes' }).tool('count', { input }, handler)`. Callers are checked
   * against `meta.permissions` with the app's access token (its `AccessTokenComponent`) unless told otherwise.
   */
  readonly mcp: McpModule;
  private readonly docs: string | undefined;

  constructor(options: FlamaOptions = {}) {
    super(options);
    this.models = attachModels(this, { serving: options.serving });
    const mcp = mcpSettings(options.mcp);
    this.mcp = new McpModule(this, { authorize: mcp?.authorize });
    for (const component of options.components ?? []) this.checkMcpCallersWith(component);
    if (mcp) {
      const { title: name, version, description: instructions } = this;
      const { stateful, sessionIdleTimeout } = mcp;
      const server = this.mcp.addServer(mcp.path, {
        name,
        version,
        instructions,
        stateful,
        sessionIdleTimeout,
      });
      servedModelTools(server, this.models);
    }
    if (options.metrics) {
      const metrics = new PrometheusMetrics({
        path: options.metrics === true ? '/metrics' : options.metrics,
      });
      this.addMiddleware(metrics.middleware);
      this.models.observe(metrics);
    }
    this.docs = attachDocs(this, { path: options.docs, configuration: options.docsConfiguration });
  }

  override get docsPath(): string | undefined {
    return this.docs;
  }

  override addComponent(component: Component<unknown, Context>): this {
    super.addComponent(component);
    this.checkMcpCallersWith(component);
    return this;
  }

  /** The first access-token component checks MCP callers, unless an `authorize` was given. */
  private checkMcpCallersWith(component: Component<unknown, Context>): void {
    const authorize = this.mcp.authorizes ? undefined : accessTokenAuthorize(component);
    if (authorize) this.mcp.authorizeWith(authorize);
  }
}
