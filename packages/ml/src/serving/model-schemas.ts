import { z } from 'zod';

const cell = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** The body of `POST /predict/`: one row per prediction. The model checks each column's type. */
export const ModelInput = z
  .object({
    input: z.array(z.array(cell)).min(1).describe('Rows, one per prediction, columns in model order'),
  })
  .meta({ id: 'ModelInput' });

/** The answer of `POST /predict/`: one output per input row. */
export const ModelOutput = z
  .object({ output: z.array(z.unknown()).describe('One prediction per input row') })
  .meta({ id: 'ModelOutput' });

/** The answer of `GET /` on a served model. */
export const ModelInspection = z
  .object({
    meta: z.record(z.string(), z.unknown()).describe('The metadata packed with the model'),
    artifacts: z.array(z.string()).describe('The names of the artifacts packed with the model'),
  })
  .meta({ id: 'ModelInspection' });
