import type { Tensor } from 'onnxruntime-node';

/**
 * A tensor as plain data, so that it can cross to an inference thread (typed arrays are transferred, string
 * arrays cloned) and be built without loading ONNX Runtime on the thread that parses requests.
 */
export interface RawTensor {
  readonly type: Tensor.Type;
  readonly dims: readonly number[];
  readonly data: Tensor.DataType;
}

export type RawFeeds = Record<string, RawTensor>;
export type RawOutputs = Record<string, RawTensor>;

/** Rows `from` to `from + count` of a batch of `total` rows (first dimension); numbers are views, not copies. */
export function sliceRows(tensor: RawTensor, from: number, count: number, total: number): RawTensor {
  const size = total === 0 ? 0 : tensor.data.length / total;
  const start = from * size;
  const end = start + count * size;
  const data = Array.isArray(tensor.data)
    ? tensor.data.slice(start, end)
    : (tensor.data as Exclude<Tensor.DataType, string[]>).subarray(start, end);
  return { type: tensor.type, dims: [count, ...tensor.dims.slice(1)], data };
}
