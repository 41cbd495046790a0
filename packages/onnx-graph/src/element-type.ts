/** The element types this writer supports, with their TensorProto.DataType codes. */
export const elementTypeCodes = {
  float: 1,
  uint8: 2,
  int32: 6,
  int64: 7,
  string: 8,
  bool: 9,
  float16: 10,
  double: 11,
} as const;

export type ElementType = keyof typeof elementTypeCodes;
