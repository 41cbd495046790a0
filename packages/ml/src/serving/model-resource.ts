import { type Component, component, Token } from '@flama/injection';
import { type OpenAPIContribution, Resource } from '@flama/routing';
import type { OperationDescription } from '@flama/schema';
import { z } from 'zod';
import type { LoadOptions } from '../model/load';
import type { Model } from '../model/model';
import { ModelInput, ModelInspection, ModelOutput } from './model-schemas';
import { rowsSchema } from './signature-schema';

export interface ModelResourceOptions {
  /** Prefix of the routes' names (`churn:predict`) and of the model's token. */
  name: string;
  verboseName?: string;
  description?: string;
  /** The `.flm` file (relative to the working directory), loaded when the app starts. */
  model: string;
  load?: LoadOptions;
}

/**
 * A resource serving one model: `GET /` inspects it and `POST /predict/` predicts; methods added with
 * `.get/.post/…` receive the loaded `model` too. The model loads at app startup, once.
 */
export class ModelResource extends Resource<{ model: Token<Model> }> {
  readonly token: Token<Model>;
  readonly file: string;
  readonly loadOptions: LoadOptions;

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
    const label = options.verboseName ?? options.name;
    this.get(
      '/',
      {
        name: 'inspect',
        summary: `Inspect ${label}`,
        description: 'The model’s metadata and artifacts.',
        response: ModelInspection,
      },
      ({ model }) => model.inspect(),
    );
    this.post(
      '/predict/',
      {
        name: 'predict',
        summary: `Predict with ${label}`,
        description: 'One prediction per input row.',
        body: ModelInput,
        response: ModelOutput,
      },
      async ({ body, model }) => ({ output: await model.predict(body.input) }),
    );
  }

  /** The component that gives this resource's methods its model, once `loaded()` answers it. */
  component(loaded: () => Model): Component<Model, unknown> & { openapi: OpenAPIContribution } {
    const predictRoute = `${this.name}:predict`;
    return {
      ...component({ provides: this.token, scope: 'singleton', resolve: loaded }),
      openapi: {
        describeOperation: (operation: OperationDescription, route) => {
          const signature = route.name === predictRoute ? loaded().signature : undefined;
          const rows = signature && rowsSchema(signature);
          return rows ? { ...operation, body: z.object({ input: rows }) } : operation;
        },
      },
    };
  }
}

/** Declares a model resource: `modelResource({ name: 'churn', model: 'data/model.flm' }).post('/loss/', …)`. */
export function modelResource(options: ModelResourceOptions): ModelResource {
  return new ModelResource(options);
}
