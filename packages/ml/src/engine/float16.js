// Plain JavaScript: the inference worker imports it as it is.
/**
 * IEEE 754 half precision, which ONNX Runtime's Node binding carries as the raw 16 bits (a Uint16Array):
 * numbers are rounded to the nearest half (ties to even), past the largest to ±Infinity; NaN stays NaN.
 */
export function toHalf(value) {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const abs = Math.abs(value);
  if (abs >= 65520) return sign | 0x7c00;
  if (abs < 2 ** -14) return sign | roundToEven(abs * 2 ** 24);
  let exponent = Math.floor(Math.log2(abs));
  if (2 ** exponent > abs) exponent--;
  else if (2 ** (exponent + 1) <= abs) exponent++;
  // a mantissa rounded up to 1024 carries into the exponent, as it should
  return sign | (((exponent + 15) << 10) + roundToEven((abs / 2 ** exponent - 1) * 1024));
}

export function fromHalf(bits) {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

function roundToEven(value) {
  const floor = Math.floor(value);
  const rest = value - floor;
  return rest > 0.5 || (rest === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
}
