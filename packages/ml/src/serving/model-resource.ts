import { type Component, component, Token } from '@flama/injection';
import {
  type AnyRouteOptions,
  JsonBytes,
  type OpenAPIContribution,
  parseJsonBody,
  Resource,
  type RouteMeta,
  webSocket,
} from '@flama/routing';
import { type OperationDescription, validator } from '@flama/schema';
import { Context } from 'hono';
import { z } from 'zod';
import type { Signature } from '../engine/signature';
import type { LoadOptions } from '../model/load';
import type { Model } from '../model/model';
import { ModelInspection, PredictInput, PredictOutput, StreamInput } from './model-schemas';
import { predictMany } from './predict-input';
import { predictionSocket } from './prediction-socket';
import { predictionStream } from './prediction-stream';
import { namedInputsSchema, namedOutputsSchema, rowsSchema } from './signature-schema';

const predictBody = validator(PredictInput, 'body');
const jsonHeaders = { 'content-type': 'application/json' };

export interface ModelResourceOptions {
  /** Prefix of the routes' names (`churn:predict`) and of the model's token. */
  name: string;
  verboseName?: string;
  description?: string;
  /** The `.flm` file (relative to the working directory), loaded when the app starts. */
  model: string;
  load?: LoadOptions;
  /** The version the Open Inference Protocol routes report; default the metadata's `extra.version`, else `1`. */
  version?: string;
  /**
   * Metadata of every route of the model (its own methods', `/predict/`, `/stream/`, `/ws/`, its Open Inference
   * Protocol routes), e.g. `{ permissions: ['churn:predict'] }` for AuthenticationMiddleware.
   */
  meta?: RouteMeta;
}

/**
 * A resource serving one model: `GET /` inspects it and `POST /predict/` predicts; methods added with
 * `.get/.post/…` receive the loaded `model` too. The model loads at app startup, once.
 */
export class ModelResource extends Resource<{ model: Token<Model> }> {
  readonly token: Token<Model>;
  readonly file: string;
  readonly loadOptions: LoadOptions;
  readonly meta: RouteMeta | undefined;
  private readonly fixedVersion: string | undefined;

  constructor(options: ModelResourceOptions) {
    const token = new Token<Model>(`Model(${options.name})`);
    super({
      name: options.name,
      verboseName: options.verboseName ?? options.name,
      description: options.description,
      inject: { model: token },
    });
    this.token = token;
    this.file = options.model;
    this.loadOptions = options.load ?? {};
    this.meta = options.meta;
    this.fixedVersion = options.version;
    const label = options.verboseName ?? options.name;
    this.get(
      '/',
      {
        name: 'inspect',
        summary: `Inspect ${label}`,
        description: 'The model’s metadata and the names of its artifacts.',
        response: ModelInspection,
      },
      ({ model }) => model.inspect(),
    );
    this.post(
      '/predict/',
      {
        name: 'predict',
        summary: `Predict with ${label}`,
        description: 'Rows give one output each; named tensors give every named output with its shape.',
        body: PredictInput,
        response: PredictOutput,
        inject: { bytes: JsonBytes },
      },
      async ({ bytes, model }) => {
        // Rows are read, run and answered on an inference thread; anything else is read here.
        const answered = bytes === undefined ? undefined : await model.predictJson(bytes);
        if (answered !== undefined) return new Response(answered, { headers: jsonHeaders });
        const { input } = predictBody(parseJsonBody(bytes));
        return { output: await predictMany(model, input) };
      },
    );
    this.post(
      '/stream/',
      {
        name: 'stream',
        summary: `Stream predictions of ${label}`,
        description:
          'Server-sent events: a `prediction` event `{"index", "output"}` per input as it is ready, an `error` ' +
          'event `{"index", "detail"}` for an input the model refuses (the stream goes on), then `end`.',
        body: StreamInput,
        responses: {
          200: { description: 'A stream of server-sent events', contentType: 'text/event-stream' },
        },
      },
      ({ body, model }) => predictionStream(model, body.input),
    );
    this.get(
      '/ws/',
      {
        name: 'socket',
        summary: `Predict with ${label} over a WebSocket`,
        description:
          'Upgrade to a WebSocket, then send text messages `{"id", "input"}` where `input` is ONE row (`[…]`, not ' +
          'a list of rows) or named tensors; each is ' +
          'answered with `{"id", "output"}` or `{"id", "error"}`. Without an upgrade: 426.',
        responses: { 101: { description: 'Switching to the WebSocket protocol' } },
        inject: { c: Context },
      },
      ({ c, model }) => webSocket(c, predictionSocket(model)),
    );
  }

  /** The version the Open Inference Protocol reports for this model as loaded. */
  version(model: Model): string {
    const fromFile = model.meta.extra?.version;
    return this.fixedVersion ?? (fromFile === undefined || fromFile === null ? '1' : String(fromFile));
  }

  protected override defaults(options: AnyRouteOptions): AnyRouteOptions {
    const defaults = super.defaults(options);
    return this.meta ? { ...defaults, meta: { ...this.meta, ...options.meta } } : defaults;
  }

  /** The component that gives this resource's methods its model, once `loaded()` answers it. */
  component(loaded: () => Model): Component<Model, unknown> & { openapi: OpenAPIContribution } {
    const predictRoute = `${this.name}:predict`;
    return {
      ...component({ provides: this.token, scope: 'singleton', resolve: loaded }),
      openapi: {
        describeOperation: (operation: OperationDescription, route) => {
          const signature = route.name === predictRoute ? loaded().signature : undefined;
          return signature ? describePredict(operation, signature) : operation;
        },
      },
    };
  }
}

/** The predict operation with the precise input and output forms of this model's signature. */
function describePredict(operation: OperationDescription, signature: Signature): OperationDescription {
  const rows = rowsSchema(signature);
  const input = rows ? z.union([rows, namedInputsSchema(signature)]) : namedInputsSchema(signature);
  const output = rows
    ? z.union([z.array(z.unknown()), namedOutputsSchema(signature)])
    : namedOutputsSchema(signature);
  const success = { description: 'One output per row, or every named output', schema: z.object({ output }) };
  return { ...operation, body: z.object({ input }), responses: { ...operation.responses, 200: success } };
}

/**
 * Declares a model resource: the model's inspect, predict, stream and socket routes, plus methods of your own
 * that receive the loaded model.
 *
 * @example
 * const churn = modelResource({ name: 'churn', model: 'data/model.flm', meta: { permissions: ['churn'] } })
 *   .post('/loss/', { body: ModelInput, response: ModelOutput }, async ({ body, model }) => ({
 *     output: (await model.predictProba(body.input)).map(([, churns]) => churns! * 1000),
 *   }));
 * app.models.addModelResource('/churn/', churn);
 */
export function modelResource(options: ModelResourceOptions): ModelResource {
  return new ModelResource(options);
}
