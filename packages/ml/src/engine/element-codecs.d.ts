import type { Tensor } from 'onnxruntime-node';
import type { ElementType } from './signature';

/** One tensor's data being filled from JSON-like values; `set` says false when a value doesn't fit. */
export interface ElementBuffer {
  readonly data: Tensor.DataType;
  set(index: number, value: unknown): boolean;
}

export interface ElementCodec {
  readonly ortType: Tensor.Type;
  /** What a value must be, for error messages. */
  readonly expected: string;
  allocate(size: number): ElementBuffer;
}

/** The element types a prediction's input can hold; the 4-bit types and bfloat16 have no codec (yet). */
export const elementCodecs: Readonly<Record<ElementType, ElementCodec | undefined>>;
