import { GraphError } from './graph-error';
import { type Tensor, writeTensor } from './tensor';
import type { ProtoWriter } from './wire';

/** An attribute whose ONNX type is spelled out, for numbers JavaScript can't tell apart (1 vs 1.0). */
export type TypedAttribute =
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'floats'; readonly value: readonly number[] };

export type AttributeValue =
  | number
  | bigint
  | string
  | Tensor
  | TypedAttribute
  | readonly (number | bigint)[]
  | readonly string[];

export type Attributes = Readonly<Record<string, AttributeValue>>;

/** Forces a FLOAT attribute (a bare integer like `1` would be written as INT). */
export const float = (value: number): TypedAttribute => ({ kind: 'float', value });
/** Forces a FLOATS attribute (a list of integers like `[1, 2]` would be written as INTS). */
export const floats = (value: readonly number[]): TypedAttribute => ({ kind: 'floats', value });

/**
 * Float attributes of the operators this package documents, so `{ scale: [1, 2] }` on a Scaler is FLOATS
 * without `floats()`. Anywhere else an integral number is an INT and any other number a FLOAT.
 */
const floatAttributes: Readonly<Record<string, readonly string[]>> = {
  Gemm: ['alpha', 'beta'],
  Imputer: ['imputed_value_floats', 'replaced_value_float'],
  Scaler: ['offset', 'scale'],
  LinearClassifier: ['coefficients', 'intercepts'],
  LinearRegressor: ['coefficients', 'intercepts'],
};

const ATTRIBUTE = { name: 1, f: 2, i: 3, s: 4, t: 5, floats: 7, ints: 8, strings: 9, type: 20 };
const TYPE = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 };

export function writeAttribute(writer: ProtoWriter, op: string, name: string, value: AttributeValue): void {
  writer.string(ATTRIBUTE.name, name);
  const typed = floatAttributes[op]?.includes(name) ? asFloats(value) : value;
  if (typeof typed === 'string') {
    writer.varint(ATTRIBUTE.type, TYPE.STRING).string(ATTRIBUTE.s, typed);
  } else if (typeof typed === 'bigint' || (typeof typed === 'number' && Number.isInteger(typed))) {
    writer.varint(ATTRIBUTE.type, TYPE.INT).varint(ATTRIBUTE.i, typed);
  } else if (typeof typed === 'number') {
    writer.varint(ATTRIBUTE.type, TYPE.FLOAT).float(ATTRIBUTE.f, typed);
  } else if (isArray(typed)) {
    writeList(writer, typed);
  } else if ('kind' in typed) {
    if (typed.kind === 'float') writer.varint(ATTRIBUTE.type, TYPE.FLOAT).float(ATTRIBUTE.f, typed.value);
    else writeFloats(writer, typed.value);
  } else {
    writer.varint(ATTRIBUTE.type, TYPE.TENSOR).message(ATTRIBUTE.t, (nested) => writeTensor(nested, typed));
  }
}

function asFloats(value: AttributeValue): AttributeValue {
  if (typeof value === 'number') return float(value);
  if (isArray(value) && value.every((item) => typeof item === 'number')) return floats(value as number[]);
  return value;
}

function writeList(writer: ProtoWriter, values: ListAttribute): void {
  const list: readonly (number | bigint | string)[] = values;
  if (list.every((item) => typeof item === 'string')) {
    writer.varint(ATTRIBUTE.type, TYPE.STRINGS);
    for (const item of list) writer.string(ATTRIBUTE.strings, item);
  } else if (list.every((item) => typeof item === 'bigint' || Number.isInteger(item))) {
    writer.varint(ATTRIBUTE.type, TYPE.INTS);
    for (const item of list) writer.varint(ATTRIBUTE.ints, item as number | bigint);
  } else if (list.every((item) => typeof item === 'number')) {
    writeFloats(writer, list);
  } else {
    throw new GraphError(`A list attribute holds one type of value, got [${list.join(', ')}]`);
  }
}

function writeFloats(writer: ProtoWriter, list: readonly number[]): void {
  writer.varint(ATTRIBUTE.type, TYPE.FLOATS);
  for (const item of list) writer.float(ATTRIBUTE.floats, item);
}

type ListAttribute = readonly (number | bigint)[] | readonly string[];

function isArray(value: AttributeValue): value is ListAttribute {
  return Array.isArray(value);
}
