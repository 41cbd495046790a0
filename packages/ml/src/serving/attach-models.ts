import type { App } from '@flama/routing';
import { type ModelResourceOptions, modelResource } from './model-resource';
import { ModelsModule, type ServingOptions } from './models-module';

/** A model to serve: where its resource is mounted (`/churn/`), and the resource's options. */
export interface ServedModelOptions extends ModelResourceOptions {
  path: string;
}

export interface AttachModelsOptions {
  /** How every model runs (threads, batching, queue, deadline, file watching, OIP routes). */
  serving?: ServingOptions;
  /** Models served from the start; add more with the module's `addModel`/`addModelResource`. */
  models?: readonly ServedModelOptions[];
}

/**
 * Adds a ModelsModule to `app`, serving `models`, and returns it: what `new Flama()` and `flama serve` do.
 *
 * @example
 * const models = attachModels(app, { models: [{ path: '/churn/', name: 'churn', model: 'data/model.flm' }] });
 */
export function attachModels(app: App, options: AttachModelsOptions = {}): ModelsModule {
  const module = new ModelsModule(app, options.serving);
  app.addModule(module);
  for (const { path, ...resource } of options.models ?? [])
    module.addModelResource(path, modelResource(resource));
  return module;
}
