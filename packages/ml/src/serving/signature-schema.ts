import { z } from 'zod';
import type { Signature, TensorSpec } from '../engine/signature';

/** The JSON a cell of this element type takes. */
function cellSchema(type: string): z.ZodType {
  if (type === 'string') return z.string().nullable();
  if (type === 'bool') return z.union([z.boolean(), z.literal(0), z.literal(1)]);
  if (type.startsWith('int') || type.startsWith('uint')) return z.int();
  return z.number().nullable();
}

/**
 * The rows a tabular model takes, for its documentation: a tuple of named, typed columns for one `[N, 1]`
 * input per column, or a fixed-width row for one 2-D input. Undefined when the model is not a table.
 */
export function rowsSchema(signature: Signature): z.ZodType | undefined {
  const tensors = signature.inputs.filter((input): input is TensorSpec => input.kind === 'tensor');
  if (signature.columns) {
    const columns = tensors.map((input) => cellSchema(input.type).describe(input.name));
    return z.array(z.tuple(columns as [z.ZodType, ...z.ZodType[]])).min(1);
  }
  const [single] = tensors;
  if (tensors.length !== 1 || !single || single.shape.length !== 2) return undefined;
  const width = single.shape[1];
  const row = z.array(cellSchema(single.type));
  return z.array(typeof width === 'number' ? row.length(width) : row).min(1);
}
