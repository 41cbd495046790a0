import { z } from 'zod';
import type { Signature, TensorSpec } from '../engine/signature';
import { formatShape } from '../engine/signature';
import { inputForms } from './model-schemas';

/** The JSON a cell of this element type takes. */
function cellSchema(type: string): z.ZodType {
  if (type === 'string') return z.string().nullable();
  if (type === 'bool') return z.union([z.boolean(), z.literal(0), z.literal(1)]);
  if (type.startsWith('int') || type.startsWith('uint')) return z.int();
  return z.number().nullable();
}

const tensorsOf = (specs: Signature['inputs']) =>
  specs.filter((spec): spec is TensorSpec => spec.kind === 'tensor');

/**
 * The rows a tabular model takes: a tuple of named, typed columns for one `[N, 1]` input per column, or a
 * fixed-width row for one 2-D input. Undefined when the model is not a table.
 */
export function rowsSchema(signature: Signature): z.ZodType | undefined {
  const tensors = tensorsOf(signature.inputs);
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

/** Every input by name, with its element type and shape, for models taken by named tensors. */
export function namedInputsSchema(signature: Signature): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const input of tensorsOf(signature.inputs)) {
    shape[input.name] = inputForms.tensor.describe(
      `${input.type} tensor of shape ${formatShape(input.shape)}`,
    );
  }
  return z.object(shape);
}

/** Every tensor output by name, with its element type and shape. */
export function namedOutputsSchema(signature: Signature): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const output of tensorsOf(signature.outputs)) {
    shape[output.name] = inputForms.outputTensor.describe(
      `${output.type} tensor of shape ${formatShape(output.shape)}`,
    );
  }
  return z.object(shape);
}
