import type { Component } from '@flama/injection';
import type { Module, Resource } from '@flama/routing';
import { load } from '../model/load';
import type { Model } from '../model/model';
import { type ModelResource, modelResource } from './model-resource';

/** A model that could not be loaded at startup: names the model and its file, and says why. */
export class ModelStartupError extends Error {
  override name = 'ModelStartupError';
}

/** What the models module needs of an app: a place to add resources. */
export interface ResourceHost {
  resources: { addResource(path: string, resource: Resource): unknown };
}

/**
 * Serves models: `addModel('/churn/', 'data/model.flm', 'churn')` or `addModelResource('/churn', resource)`.
 * Every model loads when the app starts (in parallel; a model that can't load stops startup) and its
 * ONNX Runtime session is released when the app shuts down.
 */
export class ModelsModule implements Module {
  readonly name = 'models';
  readonly components: Component<unknown, never>[] = [];
  private readonly loaded = new Map<ModelResource, Model>();
  private readonly served: ModelResource[] = [];

  constructor(private readonly app: ResourceHost) {}

  addModel(path: string, file: string, name: string): this {
    return this.addModelResource(path, modelResource({ name, model: file }));
  }

  addModelResource(path: string, resource: ModelResource): this {
    this.served.push(resource);
    this.components.push(resource.component(() => this.model(resource)));
    this.app.resources.addResource(path, resource);
    return this;
  }

  async startup(): Promise<void> {
    const loading = this.served.map(async (resource) => {
      try {
        const model = await load(resource.file, resource.loadOptions);
        this.loaded.set(resource, model);
        const reason = model.notRunnableReason;
        if (reason) console.warn(`Model "${resource.name}" is served for inspection only: ${reason}`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ModelStartupError(
          `Model "${resource.name}" (${resource.file}) can't be loaded: ${reason}`,
          {
            cause: error,
          },
        );
      }
    });
    const failures = (await Promise.allSettled(loading)).filter((result) => result.status === 'rejected');
    if (failures.length > 0) {
      await this.shutdown();
      throw failures[0]!.reason;
    }
  }

  async shutdown(): Promise<void> {
    const models = [...this.loaded.values()];
    this.loaded.clear();
    await Promise.all(models.map((model) => model.close()));
  }

  private model(resource: ModelResource): Model {
    const model = this.loaded.get(resource);
    if (!model) throw new ModelStartupError(`Model "${resource.name}" is not loaded: start the app first.`);
    return model;
  }
}
