import type { Dependencies } from '@flama/injection';
import type { Route } from '@flama/routing';
import type { McpServerBuilder } from './mcp-server';
import { type PredictingModel, predictInput, predictOutput } from './model-tools';

/** One model an app serves, as `@flama/ml`'s ModelsModule lists it (`app.models.resources`). */
export interface ServedModelResource {
  /** Where its resource is mounted in the app. */
  readonly path: string;
  /** Its model resource: its name, description and routes (inspect, predict, and methods of your own). */
  readonly resource: {
    readonly name: string;
    readonly routes: readonly Route[];
    readonly settings: { readonly description?: string | undefined };
  };
  /** The loaded model: its signature types the predict tool's input. */
  model(): Pick<PredictingModel, 'signature'>;
}

/** What `servedModelTools` needs of an app's models: `@flama/ml`'s ModelsModule (`app.models`) has it. */
export interface ServedModels {
  readonly resources: readonly ServedModelResource[];
}

/** The routes of every model resource, by name: the predict tool and the metadata resource, not methods. */
const builtIn = new Set(['inspect', 'predict', 'stream', 'socket']);

/**
 * Every model the app serves as MCP tools, with no code, declared as the app starts (so models added after the
 * server are there too). For a model resource named `churn` mounted at `/churn/`:
 * - the tool `churn` calls `POST /churn/predict/`: its input is `{ input: rows | named tensors }` (rows typed
 *   column by column from the model's signature), its result `{ output }` as structured content and JSON text,
 *   and a bad input an error result saying what is wrong;
 * - the resource `model://churn` reads `GET /churn/` (the model's metadata);
 * - each method of the resource marked `meta: { mcp: true }` (or all of them, with the resource's `meta`) is the
 *   tool `churn.<method name>`, its input `{ params, query, body }` as the method validates them.
 * Each calls its route with the caller's headers, through the app's middleware: whatever guards a route (its
 * `meta.permissions`) guards its tool, which callers without the permissions don't see.
 */
export function servedModelTools<Inject extends Dependencies>(
  server: McpServerBuilder<Inject>,
  models: ServedModels,
): McpServerBuilder<Inject> {
  return server.onStartup(() => {
    for (const served of models.resources) declareModel(server, served);
  });
}

function declareModel<Inject extends Dependencies>(
  server: McpServerBuilder<Inject>,
  { path, resource, model }: ServedModelResource,
): void {
  const { name } = resource;
  for (const declared of resource.routes) {
    const route = declared.prefixed(path);
    if (declared.name === 'predict') {
      server.routeTool(name, route, {
        description: resource.settings.description ?? `Predict with the model ${name}`,
        input: () => predictInput(model()),
        parts: (input) => ({ body: input }),
        output: predictOutput,
      });
    } else if (declared.name === 'inspect') {
      server.routeResource(`model://${name}`, route, {
        name: `${name} metadata`,
        description: `Metadata of the model ${name}`,
      });
    } else if (!builtIn.has(declared.name ?? '') && declared.meta.mcp === true) {
      server.routeTool(`${name}.${methodName(declared)}`, route, {
        title: declared.options.summary,
        description: declared.options.description ?? declared.options.summary,
      });
    }
  }
}

/** A method's name in its tool's: the route's name, else its path (`/items/{id}/` gives `items_id`). */
function methodName(route: Route): string {
  if (route.name) return route.name;
  const segments = route.path.template.split('/').filter(Boolean);
  const fromPath = segments.map((segment) => segment.replace(/[{}]/g, '').split(':')[0]).join('_');
  return fromPath || route.methods[0]!.toLowerCase();
}
