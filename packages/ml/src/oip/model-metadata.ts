import type { Signature, ValueSpec } from '../engine/signature';
import { oipDatatype } from './datatypes';

interface TensorMetadata {
  name: string;
  datatype: string;
  shape: number[];
}

/** What `GET /v2/models/{name}` answers: the model's tensors with OIP datatypes, -1 for free dimensions. */
export function modelMetadata(name: string, version: string, signature: Signature | undefined) {
  return {
    name,
    versions: [version],
    platform: 'onnxruntime_onnx',
    inputs: tensors(signature?.inputs ?? []),
    outputs: tensors(signature?.outputs ?? []),
  };
}

function tensors(specs: readonly ValueSpec[]): TensorMetadata[] {
  return specs.flatMap((spec) => {
    const datatype = spec.kind === 'tensor' ? oipDatatype(spec.type) : undefined;
    if (spec.kind !== 'tensor' || !datatype) return [];
    return [
      { name: spec.name, datatype, shape: spec.shape.map((dim) => (typeof dim === 'number' ? dim : -1)) },
    ];
  });
}
