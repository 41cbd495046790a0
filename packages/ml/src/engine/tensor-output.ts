import { UnsupportedModelError } from './errors';
import { fromHalf } from './float16.js';
import type { RawTensor } from './raw-tensor';
import { type ElementType, elementTypeOf } from './signature';

export type OutputValue = number | string | boolean;

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

function plainData({ type, data }: RawTensor): OutputValue[] {
  if (type === 'int64' || type === 'uint64') {
    return Array.from(data as BigInt64Array | BigUint64Array, bigintValue);
  }
  if (type === 'bool') return Array.from(data as Uint8Array, Boolean);
  if (type === 'float16') return Array.from(data as Uint16Array, fromHalf);
  return Array.from(data as ArrayLike<number | string>);
}

function bigintValue(value: bigint): number | string {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value.toString();
}

/** One entry per row: the row's only value, or its values flattened. */
export function perRow(name: string, output: OutputTensor, rows: number): (OutputValue | OutputValue[])[] {
  if (output.shape[0] !== rows) {
    throw new UnsupportedModelError(
      `Output '${name}' has shape [${output.shape.join(', ')}], not one entry per row of the ${rows} given: call run()`,
    );
  }
  const size = rows === 0 ? 0 : output.data.length / rows;
  return Array.from({ length: rows }, (_, row) =>
    size === 1 ? output.data[row]! : output.data.slice(row * size, (row + 1) * size),
  );
}
