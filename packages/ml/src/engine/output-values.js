// Output tensors as JSON-ready values. Plain JavaScript: the inference worker imports it as it is, to answer
// JSON bodies with JSON (output-values.d.ts has the types).
import { fromHalf } from './float16.js';

/** int64/uint64 values are numbers when they are safe integers, else decimal strings (JSON has no bigint). */
export function plainData({ type, data }) {
  if (type === 'int64' || type === 'uint64') return Array.from(data, bigintValue);
  if (type === 'bool') return Array.from(data, Boolean);
  if (type === 'float16') return Array.from(data, fromHalf);
  return Array.from(data);
}

function bigintValue(value) {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value.toString();
}

/** One entry per row of `rows`: the row's only value, or its values. `values.length` is a multiple of `rows`. */
export function splitRows(values, rows) {
  const size = rows === 0 ? 0 : values.length / rows;
  if (size === 1) return values;
  return Array.from({ length: rows }, (_, row) => values.slice(row * size, (row + 1) * size));
}
