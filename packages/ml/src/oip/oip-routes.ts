import type { App } from '@flama/routing';
import { Context, type MiddlewareHandler } from 'hono';
import type { Model } from '../model/model';
import type { ModelResource } from '../serving/model-resource';
import { readBoundedBody } from './bounded-body';
import { parseInference } from './infer-request';
import { inferenceResponse } from './infer-response';
import { InferenceResponse, ModelMetadata, OipErrorBody, ServerMetadata } from './infer-schemas';
import { modelMetadata } from './model-metadata';
import { OipError, oipErrorResponse } from './oip-error';

const tags = ['Open Inference Protocol'];
const errors = {
  400: { description: 'A bad request: `{"error": message}`', schema: OipErrorBody },
  404: { description: 'No such model or version', schema: OipErrorBody },
};

/** What the server-wide routes need to know. */
export interface OipServer {
  readonly name: string;
  readonly version: string;
  /** Every model loaded and the app not draining. */
  ready(): boolean;
  /** The names of the models served, for the message of an unknown one. */
  modelNames(): string[];
}

/** `GET /v2`, `/v2/health/live`, `/v2/health/ready`. */
export function addServerRoutes(app: App, server: OipServer): void {
  app.get('/v2', { summary: 'Server metadata', tags, response: ServerMetadata }, () => ({
    name: server.name,
    version: server.version,
    extensions: ['binary_tensor_data'],
  }));
  app.get('/v2/health/live', { summary: 'Server liveness', tags }, () => ({ live: true }));
  app.get('/v2/health/ready', { summary: 'Server readiness', tags }, () =>
    server.ready() ? { ready: true } : Response.json({ ready: false }, { status: 503 }),
  );
}

/**
 * A served model's routes, at `/v2/models/{its name}[/versions/{version}]/…`: one set per model, so that the
 * permissions in its resource's `meta` guard them as they guard `/predict/`.
 */
export function addModelRoutes(app: App, resource: ModelResource, loaded: () => boolean): void {
  const { name } = resource;
  const options = { tags, meta: resource.meta, inject: { model: resource.token, c: Context } };
  for (const base of [`/v2/models/${name}`, `/v2/models/${name}/versions/{version}`]) {
    // The versioned paths are the same operations: documented once, without them.
    const documented = { ...options, includeInSchema: !base.endsWith('{version}') };
    /** The version served, once the one asked for (if any) is checked against it. */
    const servedVersion = (params: { version?: string }, model: Model): string => {
      const version = resource.version(model);
      if (params.version !== undefined && params.version !== version) {
        throw new OipError(
          404,
          `Model '${name}' has no version '${params.version}'; it serves version ${version}`,
        );
      }
      return version;
    };
    app.get(
      base,
      {
        ...documented,
        summary: `Metadata of ${name}`,
        responses: { ...errors, 200: { description: 'The model', schema: ModelMetadata } },
      },
      ({ params, model }) =>
        answer(() => Response.json(modelMetadata(name, servedVersion(params, model), model.signature))),
    );
    app.get(`${base}/ready`, { ...documented, summary: `Readiness of ${name}` }, ({ params, model }) =>
      answer(() => {
        servedVersion(params, model);
        return Response.json({ name, ready: loaded() }, { status: loaded() ? 200 : 503 });
      }),
    );
    app.post(
      `${base}/infer`,
      {
        ...documented,
        summary: `Infer with ${name}`,
        description:
          'The Open Inference Protocol (KServe v2): named input tensors with datatype, shape and row-major data; ' +
          'Triton’s binary tensor data extension with `Inference-Header-Content-Length`.',
        responses: { ...errors, 200: { description: 'The outputs', schema: InferenceResponse } },
      },
      ({ params, model, c }) =>
        answer(async () => {
          const version = servedVersion(params, model);
          const body = await readBoundedBody(c.req.raw);
          const { request, inputs } = parseInference(
            model,
            body,
            c.req.header('inference-header-content-length') ?? null,
          );
          return inferenceResponse({ name, version }, request, await model.run(inputs));
        }),
    );
  }
}

/**
 * Answers OIP's 404 naming the model for `/v2/models/{name}/…` when no model has that name. A middleware, not
 * a route with a `{name}` parameter: such a route would also match the served models' paths, and middleware
 * that reads the matched route (permissions) could take it for theirs.
 */
export function unknownModels(server: OipServer): MiddlewareHandler {
  const prefix = '/v2/models/';
  return async (c, next) => {
    const path = c.req.path;
    if (!path.startsWith(prefix)) return next();
    const name = decodeURIComponent(path.slice(prefix.length).split('/', 1)[0]!);
    const names = server.modelNames();
    if (names.includes(name)) return next();
    return c.json(
      { error: `Unknown model '${name}'; this server serves ${names.join(', ') || 'no model'}` },
      404,
    );
  };
}

async function answer(respond: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await respond();
  } catch (error) {
    const response = oipErrorResponse(error);
    if (!response) throw error;
    return response;
  }
}
