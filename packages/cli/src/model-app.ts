import type { LoadOptions, ModelsModule, ServedModelOptions, ServingOptions } from '@flama/ml';
import { App } from '@flama/routing';
import { CliError } from './cli-error';
import { importDocsPage, importMcp, importMetrics, importModels } from './optional-package';

export interface ModelAppSettings {
  title: string;
  version: string;
  description: string;
  /** Where the docs page and the schema are served; `false` for none. */
  docs: string | false;
  schema: string | false;
  debug: boolean;
  models: ModelSpec[];
  /** How every model runs (threads, batching, queue, deadline, file watching). */
  serving?: ServingOptions;
  /** Where Prometheus metrics are served; `false` for none. */
  metrics?: string | false;
  /** Where the MCP server (each model a tool, its metadata a resource) is served; `false` for none. */
  mcp?: string | false;
}

export interface ModelSpec {
  /** The `.flm` file, relative to the working directory. */
  path: string;
  /** Where the model is mounted, e.g. `/` or `/churn/`. */
  url: string;
  name: string;
  /** The version the Open Inference Protocol reports (default the file's `extra.version`, else 1). */
  version?: string;
  /** This model's own serving and session options, over the app's. */
  load?: LoadOptions;
}

/**
 * An app serving `.flm` models with their docs page, health routes (`/health/live`, `/health/ready`) and the
 * Open Inference Protocol (`/v2/…`): what `flama serve` and `flama start` run. Made by `createModelApp`, which
 * brings its optional packages.
 */
export class ModelApp extends App {
  readonly models: ModelsModule;
  private readonly docs: string | undefined;

  constructor(
    settings: ModelAppSettings,
    ml: typeof import('@flama/ml'),
    docsUi: typeof import('@flama/docs-ui') | undefined,
  ) {
    const { title, version, description, schema, debug } = settings;
    super({ title, version, description, schema, debug, health: true });
    this.models = ml.attachModels(this, {
      serving: { ...settings.serving, oip: true },
      models: settings.models.map(servedModel),
    });
    this.docs = docsUi?.attachDocs(this, { path: settings.docs });
  }

  override get docsPath(): string | undefined {
    return this.docs;
  }
}

/** A model of the command line or the config file, as @flama/ml serves it. */
function servedModel({ url, path, ...model }: ModelSpec): ServedModelOptions {
  return { ...model, path: url, model: path };
}

/**
 * A ModelApp for `flama <command>`, importing @flama/ml, and @flama/docs-ui when it has a docs page (which needs
 * the schema): a MissingPackageError names the one that isn't installed.
 */
export async function createModelApp(settings: ModelAppSettings, command: string): Promise<ModelApp> {
  checkDistinct(settings.models);
  const ml = await importModels(command);
  const hasDocs = settings.docs !== false && settings.schema !== false;
  const app = new ModelApp(settings, ml, hasDocs ? await importDocsPage(command) : undefined);
  if (settings.metrics) {
    const metrics = await importMetrics();
    if (metrics) {
      const prometheus = new metrics.PrometheusMetrics({ path: settings.metrics });
      app.addMiddleware(prometheus.middleware);
      app.models.observe(prometheus);
    }
  }
  if (settings.mcp) await addMcpServer(app, settings.mcp);
  return app;
}

/**
 * Every model as an MCP tool named after it (calling its `/predict/`), its metadata the resource
 * `model://<name>`, at `path` (answering with and without its trailing slash).
 */
async function addMcpServer(app: ModelApp, path: string): Promise<void> {
  const mcp = await importMcp();
  if (!mcp) return;
  const server = new mcp.McpModule(app).addServer(path, {
    name: app.title,
    version: app.version,
    instructions: app.description,
  });
  mcp.servedModelTools(server, app.models);
}

/** Two models at one URL, or with one name, would clash in routes and docs: say which, before anything loads. */
function checkDistinct(models: readonly ModelSpec[]): void {
  const byUrl = new Map<string, string>();
  const names = new Set<string>();
  for (const { url, name } of models) {
    const mount = url.replace(/\/+$/, '') || '/';
    const other = byUrl.get(mount);
    if (other !== undefined) {
      throw new CliError(
        `Models "${other}" and "${name}" are both mounted at ${url}: give each its own url.`,
      );
    }
    if (names.has(name)) throw new CliError(`Two models are named "${name}": give each its own name.`);
    byUrl.set(mount, name);
    names.add(name);
  }
}

/** What `flama serve` and `flama start` use when not told otherwise. */
export const modelAppDefaults = {
  title: 'Flama',
  version: '0.1.0',
  description: 'Machine learning models served by Flama',
  docs: '/docs/',
  schema: '/schema/',
  metrics: '/metrics',
  mcp: '/mcp/',
} as const;
