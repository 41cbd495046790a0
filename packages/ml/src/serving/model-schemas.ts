import { z } from 'zod';
import type { Row } from '../engine/onnx-model';

/** A row of cells, documented as such; the model checks its values (see ModelInput). */
const row = z.custom<Row>().meta({ type: 'array', items: { type: ['number', 'string', 'boolean', 'null'] } });

/** A tensor: nested arrays (`[[0.1, 0.2]]`), a scalar, or `{ data, shape }` with flat data. */
const tensor = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.unknown()),
  z.object({ data: z.array(z.unknown()), shape: z.array(z.int().min(0)) }),
]);
const namedTensors = z
  .record(z.string(), tensor)
  .describe('Named tensors, one per model input: nested arrays or {"data": [...], "shape": [...]}');

/** One output tensor, JSON-ready: `data` is flat, in row-major order. */
const outputTensor = z.object({
  type: z.string(),
  shape: z.array(z.int()).readonly(),
  data: z.array(z.unknown()).readonly(),
});

/**
 * Rows for a tabular model (what custom methods of a model resource usually take). As for `POST /predict/`,
 * only the outline is checked here: the model checks each row and cell when it predicts, and refuses one with
 * a 400 naming its row and column (`Row 0, column 'CreditScore': expected a number…`).
 */
export const ModelInput = z
  .object({
    input: z
      .array(row, { error: 'Expected rows (an array of arrays, one per prediction)' })
      .min(1)
      .describe('Rows, one per prediction, columns in the model’s order'),
  })
  .meta({ id: 'ModelInput' });

/** One output per input row. */
export const ModelOutput = z
  .object({ output: z.array(z.unknown()).describe('One prediction per input row') })
  .meta({ id: 'ModelOutput' });

/**
 * The body of `POST /predict/`: rows for a tabular model, or named tensors for any model. Only the outline
 * is checked here; the model checks every column, shape and type, naming what is wrong.
 */
export const PredictInput = z
  .object({
    input: z.union([z.array(z.unknown()).min(1), z.record(z.string(), z.unknown())], {
      error:
        'Expected rows (an array of arrays, one per prediction) or named tensors (an object of input name → tensor)',
    }),
  })
  .meta({ id: 'PredictInput' });

/** The answer of `POST /predict/`: one output per row, or every named output with its shape. */
export const PredictOutput = z
  .object({ output: z.union([z.array(z.unknown()), z.record(z.string(), outputTensor)]) })
  .meta({ id: 'PredictOutput' });

/** The body of `POST /stream/`: inputs predicted one by one, each a row or named tensors. */
export const StreamInput = z
  .object({
    input: z
      .array(
        z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())], {
          error: 'Expected a row (an array of values) or named tensors (an object of input name → tensor)',
        }),
      )
      .min(1),
  })
  .meta({ id: 'StreamInput' });

/** The answer of `GET /` on a served model. */
export const ModelInspection = z
  .object({
    meta: z.record(z.string(), z.unknown()).describe('The metadata packed with the model'),
    artifacts: z.array(z.string()).describe('The names of the artifacts packed with the model'),
  })
  .meta({ id: 'ModelInspection' });

/** Schemas for documentation: the precise input forms, described in OpenAPI from a model's signature. */
export const inputForms = { namedTensors, tensor, outputTensor };
