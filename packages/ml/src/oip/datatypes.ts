import type { ElementType } from '../engine/signature';

/** The Open Inference Protocol's tensor datatypes (KServe v2, Triton). */
export type OipDatatype =
  | 'BOOL'
  | 'UINT8'
  | 'UINT16'
  | 'UINT32'
  | 'UINT64'
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FP16'
  | 'FP32'
  | 'FP64'
  | 'BYTES';

const byElementType: Readonly<Record<string, OipDatatype>> = {
  bool: 'BOOL',
  uint8: 'UINT8',
  uint16: 'UINT16',
  uint32: 'UINT32',
  uint64: 'UINT64',
  int8: 'INT8',
  int16: 'INT16',
  int32: 'INT32',
  int64: 'INT64',
  float16: 'FP16',
  float: 'FP32',
  double: 'FP64',
  string: 'BYTES',
};

export const oipDatatypes = Object.values(byElementType) as readonly OipDatatype[];

/** The OIP datatype of an ONNX element type; undefined for types OIP has none for (e.g. bfloat16). */
export function oipDatatype(type: ElementType): OipDatatype | undefined {
  return byElementType[type];
}

/** Bytes per element in the binary tensor extension (BYTES is length-prefixed, so has none). */
export const elementSize: Readonly<Record<OipDatatype, number | undefined>> = {
  BOOL: 1,
  UINT8: 1,
  INT8: 1,
  UINT16: 2,
  INT16: 2,
  FP16: 2,
  UINT32: 4,
  INT32: 4,
  FP32: 4,
  UINT64: 8,
  INT64: 8,
  FP64: 8,
  BYTES: undefined,
};
