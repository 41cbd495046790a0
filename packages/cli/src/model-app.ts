import type { ModelsModule } from '@flama/ml';
import { App } from '@flama/routing';
import { importDocsPage, importModels } from './optional-package';

export interface ModelAppSettings {
  title: string;
  version: string;
  description: string;
  /** Where the docs page and the schema are served; `false` for none. */
  docs: string | false;
  schema: string | false;
  debug: boolean;
  models: ModelSpec[];
}

export interface ModelSpec {
  /** The `.flm` file, relative to the working directory. */
  path: string;
  /** Where the model is mounted, e.g. `/` or `/churn/`. */
  url: string;
  name: string;
}

/**
 * An app serving `.flm` models with their docs page and health routes (`/health/live`, `/health/ready`):
 * what `flama serve` and `flama start` run. Made by `createModelApp`, which brings its optional packages.
 */
export class ModelApp extends App {
  readonly models: ModelsModule;
  private readonly docs: string | undefined;

  constructor(settings: ModelAppSettings, modelsModule: typeof ModelsModule) {
    const { title, version, description, schema, debug } = settings;
    super({ title, version, description, schema, debug, health: true });
    this.models = new modelsModule(this);
    this.addModule(this.models);
    for (const model of settings.models) this.models.addModel(model.url, model.path, model.name);
    this.docs = settings.docs === false || !this.schemaPath ? undefined : settings.docs;
  }

  override get docsPath(): string | undefined {
    return this.docs;
  }
}

/**
 * A ModelApp for `flama <command>`, importing @flama/ml, and @flama/docs-ui when it has a docs page: a
 * MissingPackageError names the one that isn't installed.
 */
export async function createModelApp(settings: ModelAppSettings, command: string): Promise<ModelApp> {
  const app = new ModelApp(settings, (await importModels(command)).ModelsModule);
  if (app.docsPath) (await importDocsPage(command)).attachDocs(app, { path: app.docsPath });
  return app;
}

/** What `flama serve` and `flama start` use when not told otherwise. */
export const modelAppDefaults = {
  title: 'Flama',
  version: '0.1.0',
  description: 'Machine learning models served by Flama',
  docs: '/docs/',
  schema: '/schema/',
} as const;
