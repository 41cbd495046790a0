import { type ElementType, elementTypeCodes } from './element-type';
import type { ProtoWriter } from './wire';

/** A dimension: a fixed size, a name for a size known at run time (`'N'` for the batch), or null: unknown. */
export type Dim = number | string | null;

export type ValueType =
  | { readonly kind: 'tensor'; readonly elementType: ElementType; readonly shape?: readonly Dim[] }
  | { readonly kind: 'sequence'; readonly elementType: ValueType }
  | { readonly kind: 'map'; readonly keyType: ElementType; readonly valueType: ValueType };

/** A tensor type; with no shape, the rank is left unknown. */
export const tensorType = (elementType: ElementType, shape?: readonly Dim[]): ValueType => ({
  kind: 'tensor',
  elementType,
  ...(shape && { shape }),
});
export const sequenceType = (elementType: ValueType): ValueType => ({ kind: 'sequence', elementType });
export const mapType = (keyType: ElementType, valueType: ValueType): ValueType => ({
  kind: 'map',
  keyType,
  valueType,
});

const TYPE = { tensor: 1, sequence: 4, map: 5 };
const TENSOR_TYPE = { elemType: 1, shape: 2 };
const MAP_TYPE = { keyType: 1, valueType: 2 };
const DIMENSION = { value: 1, param: 2 };

export function writeValueInfo(writer: ProtoWriter, name: string, type: ValueType): void {
  writer.string(1, name).message(2, (nested) => writeType(nested, type));
}

function writeType(writer: ProtoWriter, type: ValueType): void {
  if (type.kind === 'tensor') {
    writer.message(TYPE.tensor, (tensor) => {
      tensor.varint(TENSOR_TYPE.elemType, elementTypeCodes[type.elementType]);
      if (type.shape) tensor.message(TENSOR_TYPE.shape, (shape) => writeShape(shape, type.shape ?? []));
    });
  } else if (type.kind === 'sequence') {
    writer.message(TYPE.sequence, (sequence) =>
      sequence.message(1, (nested) => writeType(nested, type.elementType)),
    );
  } else {
    writer.message(TYPE.map, (map) =>
      map
        .varint(MAP_TYPE.keyType, elementTypeCodes[type.keyType])
        .message(MAP_TYPE.valueType, (nested) => writeType(nested, type.valueType)),
    );
  }
}

function writeShape(writer: ProtoWriter, shape: readonly Dim[]): void {
  for (const dim of shape) {
    writer.message(1, (dimension) => {
      if (typeof dim === 'number') dimension.varint(DIMENSION.value, dim);
      else if (dim !== null) dimension.string(DIMENSION.param, dim);
    });
  }
}
