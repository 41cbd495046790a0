import { UnsupportedModelError } from './errors';
import { type OutputValue, plainData, splitRows } from './output-values.js';
import type { RawTensor } from './raw-tensor';
import { type ElementType, elementTypeOf } from './signature';

export type { OutputValue };

/** An output as plain, JSON-ready data: `data` is flat, in row-major order. */
export interface OutputTensor {
  readonly type: ElementType;
  readonly shape: readonly number[];
  readonly data: readonly OutputValue[];
}

/** int64/uint64 values are numbers when they are safe integers, else decimal strings (JSON has no bigint). */
export function readTensor(tensor: RawTensor): OutputTensor {
  return { type: elementTypeOf(tensor.type), shape: tensor.dims, data: plainData(tensor) };
}

/** One entry per row: the row's only value, or its values flattened. */
export function perRow(name: string, output: OutputTensor, rows: number): (OutputValue | OutputValue[])[] {
  if (output.shape[0] !== rows) {
    throw new UnsupportedModelError(
      `Output '${name}' has shape [${output.shape.join(', ')}], not one entry per row of the ${rows} given: call run()`,
    );
  }
  return splitRows(output.data, rows);
}
