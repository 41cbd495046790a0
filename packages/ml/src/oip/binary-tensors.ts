import { fromHalf, toHalf } from '../engine/float16.js';
import type { OutputValue } from '../engine/tensor-output';
import { elementSize, type OipDatatype } from './datatypes';
import { OipError } from './oip-error';

type Read = (view: DataView, offset: number) => OutputValue | bigint;

const readers: Partial<Record<OipDatatype, Read>> = {
  BOOL: (view, at) => view.getUint8(at) !== 0,
  UINT8: (view, at) => view.getUint8(at),
  INT8: (view, at) => view.getInt8(at),
  UINT16: (view, at) => view.getUint16(at, true),
  FP16: (view, at) => fromHalf(view.getUint16(at, true)),
  INT16: (view, at) => view.getInt16(at, true),
  UINT32: (view, at) => view.getUint32(at, true),
  INT32: (view, at) => view.getInt32(at, true),
  FP32: (view, at) => view.getFloat32(at, true),
  FP64: (view, at) => view.getFloat64(at, true),
  UINT64: (view, at) => view.getBigUint64(at, true),
  INT64: (view, at) => view.getBigInt64(at, true),
};

type Write = (view: DataView, offset: number, value: OutputValue) => void;

const writers: Partial<Record<OipDatatype, Write>> = {
  BOOL: (view, at, value) => view.setUint8(at, value ? 1 : 0),
  UINT8: (view, at, value) => view.setUint8(at, Number(value)),
  INT8: (view, at, value) => view.setInt8(at, Number(value)),
  UINT16: (view, at, value) => view.setUint16(at, Number(value), true),
  FP16: (view, at, value) => view.setUint16(at, toHalf(Number(value)), true),
  INT16: (view, at, value) => view.setInt16(at, Number(value), true),
  UINT32: (view, at, value) => view.setUint32(at, Number(value), true),
  INT32: (view, at, value) => view.setInt32(at, Number(value), true),
  FP32: (view, at, value) => view.setFloat32(at, Number(value), true),
  FP64: (view, at, value) => view.setFloat64(at, Number(value), true),
  UINT64: (view, at, value) => view.setBigUint64(at, BigInt(value), true),
  INT64: (view, at, value) => view.setBigInt64(at, BigInt(value), true),
};

/**
 * Reads a tensor's values from Triton's binary tensor data: little-endian elements, row-major; BYTES
 * elements each prefixed by their length as a little-endian u32.
 */
export function readBinaryTensor(name: string, datatype: OipDatatype, bytes: Uint8Array): unknown[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (datatype === 'BYTES') return readStrings(name, view, bytes);
  const read = readers[datatype];
  const size = elementSize[datatype]!;
  if (!read)
    throw new OipError(400, `Input '${name}': binary ${datatype} data is not supported; send it as JSON`);
  if (bytes.byteLength % size !== 0) {
    throw new OipError(
      400,
      `Input '${name}': ${bytes.byteLength} bytes is not a whole number of ${datatype} values`,
    );
  }
  return Array.from({ length: bytes.byteLength / size }, (_, index) => read(view, index * size));
}

function readStrings(name: string, view: DataView, bytes: Uint8Array): string[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const values: string[] = [];
  for (let at = 0; at < bytes.byteLength; ) {
    if (at + 4 > bytes.byteLength)
      throw new OipError(400, `Input '${name}': BYTES data ends inside a length`);
    const length = view.getUint32(at, true);
    at += 4;
    if (at + length > bytes.byteLength)
      throw new OipError(400, `Input '${name}': BYTES data ends inside a value`);
    try {
      values.push(decoder.decode(bytes.subarray(at, at + length)));
    } catch {
      throw new OipError(400, `Input '${name}': a BYTES value is not UTF-8 text`);
    }
    at += length;
  }
  return values;
}

/** Writes output values as Triton's binary tensor data. */
export function writeBinaryTensor(datatype: OipDatatype, values: readonly OutputValue[]): Uint8Array {
  if (datatype === 'BYTES') {
    const encoded = values.map((value) => new TextEncoder().encode(String(value)));
    const bytes = new Uint8Array(encoded.reduce((sum, value) => sum + 4 + value.byteLength, 0));
    const view = new DataView(bytes.buffer);
    let at = 0;
    for (const value of encoded) {
      view.setUint32(at, value.byteLength, true);
      bytes.set(value, at + 4);
      at += 4 + value.byteLength;
    }
    return bytes;
  }
  const write = writers[datatype];
  const size = elementSize[datatype]!;
  if (!write) throw new OipError(400, `Binary ${datatype} output is not supported; ask for it as JSON`);
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => {
    write(view, index * size, value);
  });
  return bytes;
}
