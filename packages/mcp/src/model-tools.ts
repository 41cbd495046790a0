import type { Dependencies } from '@flama/injection';
import type { RouteMeta } from '@flama/routing';
import { z } from 'zod';
import type { McpServerBuilder } from './mcp-server';

/** One input or output of a model's signature, as `@flama/ml` describes it. */
export interface ModelValueSpec {
  readonly name: string;
  readonly kind: string;
  readonly type?: string;
  readonly shape?: readonly (number | string | null)[];
}

/**
 * What a tool needs of a model: `@flama/ml`'s `Model` satisfies it (this package doesn't import `@flama/ml`).
 * Rows (arrays) go to `predict`, named tensors (an object) to `run`, as `POST /predict/` does.
 */
export interface PredictingModel {
  readonly signature?:
    | { readonly inputs: readonly ModelValueSpec[]; readonly columns?: readonly string[] }
    | undefined;
  predict(rows: readonly never[]): Promise<unknown>;
  run(inputs: Readonly<Record<string, never>>): Promise<unknown>;
  /** The model's metadata, served as the resource `model://<name>`. */
  inspect?(): unknown;
}

/**
 * A model served under a name. `model(context)` is read at each call, so a reloaded model is the one used; the
 * context holds the server's injected components (`inject: { churn: churnResource.token }` gives
 * `context.churn`), so a model can come from the app's model components.
 */
export interface ServedModel {
  readonly name: string;
  readonly description?: string;
  /** As its routes': `{ permissions: ['churn'] }` guards the tool and the metadata resource. */
  readonly meta?: RouteMeta;
  model(context: Readonly<Record<string, unknown>>): PredictingModel;
}

/** The JSON a cell of this element type takes (as `POST /predict/` documents it). */
function cellSchema(spec: ModelValueSpec): z.ZodType {
  const type = spec.type ?? '';
  const cell =
    type === 'string'
      ? z.string().nullable()
      : type === 'bool'
        ? z.union([z.boolean(), z.literal(0), z.literal(1)])
        : type.startsWith('int') || type.startsWith('uint')
          ? z.int()
          : z.number().nullable();
  return cell.describe(spec.name);
}

/** A predict tool's output: `{ output }`, as `POST /predict/` answers. */
export const predictOutput = z.object({ output: z.unknown() });

const namedTensors = z
  .record(z.string(), z.unknown())
  .describe('Named tensors: input name → nested arrays of its shape (gives every named output)');

/** A predict tool's input: `{ input }`, as `POST /predict/` takes it. */
export type PredictToolInput = z.ZodObject<{ input: z.ZodType }>;

/**
 * A predict tool's input for this model: typed rows when the model is a table of named columns, else rows or
 * named tensors.
 */
export function predictInput(model: Pick<PredictingModel, 'signature'>): PredictToolInput {
  const tensors = (model.signature?.inputs ?? []).filter((spec) => spec.kind === 'tensor');
  if (model.signature?.columns && tensors.length > 0) {
    const row = z.tuple(tensors.map(cellSchema) as [z.ZodType, ...z.ZodType[]]);
    const rows = z
      .array(row)
      .min(1)
      .describe(`Rows, one prediction each; columns: ${tensors.map((spec) => spec.name).join(', ')}`);
    return z.object({ input: z.union([rows, namedTensors]) });
  }
  const rows = z.array(z.array(z.unknown())).min(1).describe('Rows (arrays), one prediction each');
  return z.object({ input: z.union([rows, namedTensors]) });
}

/**
 * Makes each served model a tool named after it (no code): its input is `{ input: rows | named tensors }` as
 * `POST /predict/` takes, its result `{ output }` as structured content and JSON text; a bad input is an
 * error result saying what is wrong. Each model's metadata is the resource `model://<name>`.
 */
export function modelTools<Inject extends Dependencies>(
  server: McpServerBuilder<Inject>,
  models: readonly ServedModel[],
): McpServerBuilder<Inject> {
  for (const served of models) {
    server.tool(
      served.name,
      {
        description: served.description ?? `Predict with the model ${served.name}`,
        input: (context) => predictInput(served.model(context)),
        output: predictOutput,
        meta: served.meta,
      },
      async ({ input }, context) => {
        const model = served.model(context);
        const output = Array.isArray(input)
          ? await model.predict(input as never[])
          : await model.run(input as Record<string, never>);
        return { output };
      },
    );
    server.resource(
      `model://${served.name}`,
      {
        name: `${served.name} metadata`,
        description: `Metadata of the model ${served.name}`,
        mimeType: 'application/json',
        meta: served.meta,
      },
      (_uri, _variables, context) => {
        const model = served.model(context);
        return model.inspect ? model.inspect() : { name: served.name, signature: model.signature ?? null };
      },
    );
  }
  return server;
}
