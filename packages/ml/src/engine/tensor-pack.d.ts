import type { Tensor } from 'onnxruntime-node';
import type { RawTensor } from './raw-tensor';

/** Tensors as one structured-clone-friendly message (see tensor-pack.js). */
export interface TensorPack {
  /** JSON: names, types, shapes, offsets. */
  readonly header: string;
  /** Every string value, joined. */
  readonly text: string;
  readonly buffer: ArrayBuffer;
}

/** A tensor to pack: its data is its chunks, joined in order (one chunk per request of a batch). */
export interface PackedTensorSource {
  readonly name: string;
  readonly type: Tensor.Type;
  readonly dims: readonly number[];
  readonly chunks: readonly Tensor.DataType[];
}

export function packTensors(tensors: readonly PackedTensorSource[]): TensorPack;
export function transferList(pack: TensorPack): ArrayBuffer[];
export function unpackTensors(pack: TensorPack): Record<string, RawTensor>;
