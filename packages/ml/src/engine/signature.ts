import type { InferenceSession, Tensor } from 'onnxruntime-node';

/** A dimension: a size, a symbol for a size known at run time (`'N'`), or null when the model leaves it open. */
export type Dim = number | string | null;

/** ONNX element type names (`float`, `double`, `int64`, `string`, `bool`...), not ONNX Runtime's (`float32`). */
export type ElementType = string;

export interface TensorSpec {
  readonly name: string;
  readonly kind: 'tensor';
  readonly type: ElementType;
  /** Empty when the model doesn't say (ONNX Runtime reports a scalar and an unknown shape alike). */
  readonly shape: readonly Dim[];
}

/** A sequence, map or optional value: onnxruntime-node 1.30 can neither feed nor read these. */
export interface NonTensorSpec {
  readonly name: string;
  readonly kind: 'non-tensor';
}

export type ValueSpec = TensorSpec | NonTensorSpec;

export interface Signature {
  readonly inputs: readonly ValueSpec[];
  readonly outputs: readonly ValueSpec[];
  /** The column names, when the model takes one `[N, 1]` input per column (skl2onnx's mixed-type layout). */
  readonly columns?: readonly string[];
}

const onnxNames: Partial<Record<Tensor.Type, ElementType>> = { float32: 'float', float64: 'double' };

export function elementTypeOf(type: Tensor.Type): ElementType {
  return onnxNames[type] ?? type;
}

/** What a session (in this thread or another) says of its inputs and outputs. */
export interface SessionMetadata {
  readonly inputMetadata: readonly InferenceSession.ValueMetadata[];
  readonly outputMetadata: readonly InferenceSession.ValueMetadata[];
}

export function readSignature(session: SessionMetadata): Signature {
  const inputs = session.inputMetadata.map(toSpec);
  const columns = perColumnInputs(inputs)?.map((input) => input.name);
  return { inputs, outputs: session.outputMetadata.map(toSpec), ...(columns && { columns }) };
}

/** The inputs, when each is a `[N, 1]` tensor holding one column of a table. */
export function perColumnInputs(inputs: readonly ValueSpec[]): readonly TensorSpec[] | undefined {
  const columns = inputs.filter(
    (input): input is TensorSpec =>
      input.kind === 'tensor' && input.shape.length === 2 && input.shape[1] === 1,
  );
  return columns.length > 0 && columns.length === inputs.length ? columns : undefined;
}

function toSpec(metadata: InferenceSession.ValueMetadata): ValueSpec {
  if (!metadata.isTensor) return { name: metadata.name, kind: 'non-tensor' };
  const shape = metadata.shape.map((dim) => (dim === '' ? null : dim));
  return { name: metadata.name, kind: 'tensor', type: elementTypeOf(metadata.type), shape };
}

/** True when every input and output is a tensor whose first dimension is free: rows of requests can be joined. */
export function isBatchable(signature: Signature): boolean {
  return [...signature.inputs, ...signature.outputs].every(
    (spec) => spec.kind === 'tensor' && spec.shape.length > 0 && typeof spec.shape[0] !== 'number',
  );
}

/** `[N, 3]`, with `?` for a dimension the model leaves open. */
export function formatShape(shape: readonly Dim[]): string {
  return `[${shape.map((dim) => dim ?? '?').join(', ')}]`;
}
