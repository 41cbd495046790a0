import type { Component } from '@flama/injection';
import { App, type Module, type Resource } from '@flama/routing';
import type { BatchObservation, InferenceObserver, RequestObservation } from '../engine/inference-observer';
import { type LoadOptions, load } from '../model/load';
import type { Model } from '../model/model';
import { addModelRoutes, addServerRoutes, type OipServer, unknownModels } from '../oip/oip-routes';
import { defaultInferenceThreads } from './available-cpus';
import { type ModelResource, modelResource } from './model-resource';
import { ModelWatcher } from './model-watcher';

/** A model that could not be loaded at startup: names the model and its file, and says why. */
export class ModelStartupError extends Error {
  override name = 'ModelStartupError';
}

/** What the models module needs of an app: a place to add resources and mount the protocol routes. */
export interface ResourceHost {
  resources: { addResource(path: string, resource: Resource): unknown };
  mount(path: string, app: App): unknown;
  readonly title: string;
  readonly version: string;
  /** Started and not draining. */
  readonly ready?: boolean;
}

/** Told what served models do: a structural interface that metrics and tracing packages satisfy. */
export interface ModelObserver {
  /** A model was loaded, at startup or by a reload. */
  loaded?(model: { name: string; id: string | undefined; version: string }): void;
  /** A model ran a batch on an inference thread. */
  batch?(model: string, observation: BatchObservation): void;
  /** A request joins a model's queue: called in its async context; the answer comes back to `request`. */
  enter?(model: string): unknown;
  /** A request's share of a run. */
  request?(model: string, observation: RequestObservation, entered: unknown): void;
}

/** How every served model runs, unless its resource's `load` options say otherwise. */
export interface ServingOptions
  extends Pick<LoadOptions, 'threads' | 'batching' | 'maxQueueSize' | 'timeout' | 'maxRows' | 'inlineRunMs'> {
  /** Reload a model when its file changes (as SIGHUP does for every model). */
  readonly watch?: boolean;
  /** Server processes sharing the CPUs (`--server-workers`): threads default to this process's share. */
  readonly processes?: number;
  /** Serve every model over the Open Inference Protocol v2 too (`/v2/models/{name}/infer`, KServe and Triton's REST). */
  readonly oip?: boolean;
}

/**
 * Serves models: `addModel('/churn/', 'data/model.flm', 'churn')` or `addModelResource('/churn', resource)`.
 * Every model loads when the app starts (in parallel; a model that can't load stops startup) on inference
 * threads that batch concurrent requests; `reload()` swaps in each model's file anew without failing a
 * request; sessions are released when the app shuts down.
 */
export class ModelsModule implements Module {
  readonly name = 'models';
  readonly components: Component<unknown, never>[] = [];
  private readonly loaded = new Map<ModelResource, Model>();
  private readonly served: ModelResource[] = [];
  private readonly paths = new Map<ModelResource, string>();
  private readonly watcher = new ModelWatcher((file) => this.reloadFile(file));
  private reloading: Promise<unknown> = Promise.resolve();
  /** The Open Inference Protocol's routes, in an app of their own, mounted at the root. */
  private readonly oip: App | undefined;
  private readonly observers: ModelObserver[] = [];

  constructor(
    private readonly app: ResourceHost,
    private options: ServingOptions = {},
  ) {
    if (!options.oip) return;
    const server: OipServer = {
      name: app.title,
      version: app.version,
      ready: () => (app.ready ?? true) && this.served.every((resource) => this.loaded.has(resource)),
      modelNames: () => this.served.map((resource) => resource.name),
    };
    this.oip = new App({ title: app.title, schema: false, middleware: [unknownModels(server)] });
    addServerRoutes(this.oip, server);
    app.mount('/', this.oip);
  }

  /**
   * Changes how models run before the app starts, over what the constructor was given (what `flama run`'s
   * `--model-*` flags do to an app written in code). `oip` can only be chosen when the module is made.
   */
  configure(options: Omit<ServingOptions, 'oip'>): this {
    this.options = { ...this.options, ...options };
    return this;
  }

  /** Tells `observer` of every model loaded and every batch run (metrics, tracing). */
  observe(observer: ModelObserver): this {
    this.observers.push(observer);
    return this;
  }

  addModel(path: string, file: string, name: string): this {
    return this.addModelResource(path, modelResource({ name, model: file }));
  }

  /**
   * The served models, in the order added: each resource, where it is mounted and its model (once loaded). What
   * `@flama/mcp`'s `servedModelTools` lists as MCP tools.
   */
  get resources(): readonly { readonly path: string; readonly resource: ModelResource; model(): Model }[] {
    return this.served.map((resource) => ({
      path: this.paths.get(resource) ?? '/',
      resource,
      model: () => this.model(resource),
    }));
  }

  addModelResource(path: string, resource: ModelResource): this {
    this.served.push(resource);
    this.paths.set(resource, path);
    this.components.push(resource.component(() => this.model(resource)));
    this.app.resources.addResource(path, resource);
    if (this.oip) addModelRoutes(this.oip, resource, () => this.loaded.has(resource));
    return this;
  }

  async startup(): Promise<void> {
    const loading = this.served.map(async (resource) => {
      const model = await this.load(resource).catch((error: unknown) => {
        throw new ModelStartupError(
          `Model "${resource.name}" (${resource.file}) can't be loaded: ${reason(error)}`,
          {
            cause: error,
          },
        );
      });
      this.loaded.set(resource, model);
      const notRunnable = model.notRunnableReason;
      if (notRunnable) console.warn(`Model "${resource.name}" is served for inspection only: ${notRunnable}`);
    });
    const failures = (await Promise.allSettled(loading)).filter((result) => result.status === 'rejected');
    if (failures.length > 0) {
      await this.shutdown();
      throw failures[0]!.reason;
    }
    if (this.options.watch) this.watcher.watch(this.served.map((resource) => resource.file));
  }

  /**
   * Loads every model's file anew beside the one serving, then swaps them: requests never fail, calls already
   * made finish on the old model, which is then released. A file that doesn't load leaves its old model
   * serving; one line says why. Reloads run one at a time.
   */
  reload(): Promise<void> {
    return this.reloadWhere(() => true);
  }

  async shutdown(): Promise<void> {
    this.watcher.close();
    await this.reloading;
    const models = [...this.loaded.values()];
    this.loaded.clear();
    await Promise.all(models.map((model) => model.close()));
  }

  private reloadFile(file: string): Promise<void> {
    return this.reloadWhere((resource) => resource.file === file);
  }

  private reloadWhere(selected: (resource: ModelResource) => boolean): Promise<void> {
    const next = this.reloading.then(() =>
      Promise.all(this.served.filter(selected).map((resource) => this.reloadOne(resource))),
    );
    this.reloading = next;
    return next.then(() => undefined);
  }

  private async reloadOne(resource: ModelResource): Promise<void> {
    const current = this.loaded.get(resource);
    if (!current) return;
    let fresh: Model;
    try {
      fresh = await this.load(resource);
    } catch (error) {
      console.error(
        `Model "${resource.name}" was not reloaded from ${resource.file}: ${reason(error)}. The previous one goes on serving.`,
      );
      return;
    }
    await current.swap(fresh).close();
    console.log(`Model "${resource.name}" reloaded from ${resource.file} (id ${current.meta.id}).`);
  }

  private async load(resource: ModelResource): Promise<Model> {
    const { watch: _watch, oip: _oip, processes, ...serving } = this.options;
    const { name } = resource;
    const observe: InferenceObserver = {
      batch: (observation) => {
        for (const observer of this.observers) observer.batch?.(name, observation);
      },
      enter: () =>
        this.observers.length === 0 ? undefined : this.observers.map((observer) => observer.enter?.(name)),
      request: (entered, observation) => {
        this.observers.forEach((observer, index) => {
          observer.request?.(name, observation, (entered as unknown[] | undefined)?.[index]);
        });
      },
    };
    const model = await load(resource.file, {
      threads: defaultInferenceThreads(processes),
      observe,
      ...serving,
      ...resource.loadOptions,
    });
    const loaded = { name: resource.name, id: model.meta.id, version: resource.version(model) };
    for (const observer of this.observers) observer.loaded?.(loaded);
    return model;
  }

  private model(resource: ModelResource): Model {
    const model = this.loaded.get(resource);
    if (!model) throw new ModelStartupError(`Model "${resource.name}" is not loaded: start the app first.`);
    return model;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
