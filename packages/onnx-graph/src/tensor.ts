import { type ElementType, elementTypeCodes } from './element-type';
import { GraphError } from './graph-error';
import type { ProtoWriter } from './wire';

export type TensorValues =
  | readonly (number | bigint)[]
  | readonly string[]
  | readonly boolean[]
  | Float32Array
  | Float64Array
  | Uint8Array
  | Int32Array
  | BigInt64Array;

/** A constant tensor: an initializer (`graph.constant`) or a TENSOR attribute. */
export interface Tensor {
  readonly type: ElementType;
  readonly dims: readonly number[];
  readonly values: TensorValues;
}

/** Checks that `values` fill `dims` exactly (row-major) and fit `type`. */
export function tensor(type: ElementType, dims: readonly number[], values: TensorValues): Tensor {
  const size = dims.reduce((product, dim) => product * dim, 1);
  if (values.length !== size) {
    throw new GraphError(
      `A tensor of ${type} with dims [${dims.join(', ')}] needs ${size} values, got ${values.length}`,
    );
  }
  for (const value of values as ArrayLike<unknown> & Iterable<unknown>) {
    if (!fits[type](value)) {
      throw new GraphError(`A tensor of ${type} can't hold ${typeof value} ${String(value)}`);
    }
  }
  return { type, dims, values };
}

const fits: Record<ElementType, (value: unknown) => boolean> = {
  float: (value) => typeof value === 'number',
  double: (value) => typeof value === 'number',
  // half-precision values are given as their 16 bits
  float16: (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffff,
  uint8: (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 255,
  int32: (value) => Number.isInteger(value) && (value as number) === ((value as number) | 0),
  int64: (value) => typeof value === 'bigint' || Number.isSafeInteger(value),
  string: (value) => typeof value === 'string',
  bool: (value) => typeof value === 'boolean',
};

const TENSOR = { dims: 1, dataType: 2, stringData: 6, name: 8, rawData: 9 };

export function writeTensor(writer: ProtoWriter, value: Tensor, name?: string): void {
  for (const dim of value.dims) writer.varint(TENSOR.dims, dim);
  writer.varint(TENSOR.dataType, elementTypeCodes[value.type]);
  if (name !== undefined) writer.string(TENSOR.name, name);
  if (value.type === 'string') {
    for (const text of value.values as readonly string[]) writer.string(TENSOR.stringData, text);
  } else {
    writer.bytes(TENSOR.rawData, rawData(value));
  }
}

const byteWidths = { float: 4, double: 8, float16: 2, uint8: 1, int32: 4, int64: 8, bool: 1 } as const;

/** raw_data is little-endian whatever the platform. */
function rawData({ type, values }: Tensor): Uint8Array {
  const width = byteWidths[type as keyof typeof byteWidths];
  const bytes = new Uint8Array(values.length * width);
  const view = new DataView(bytes.buffer);
  Array.from(values as ArrayLike<number | bigint | boolean>).forEach((value, index) => {
    const offset = index * width;
    if (type === 'float') view.setFloat32(offset, value as number, true);
    else if (type === 'double') view.setFloat64(offset, value as number, true);
    else if (type === 'int32') view.setInt32(offset, value as number, true);
    else if (type === 'int64') view.setBigInt64(offset, BigInt(value as number | bigint), true);
    else if (type === 'float16') view.setUint16(offset, value as number, true);
    else view.setUint8(offset, Number(value));
  });
  return bytes;
}
