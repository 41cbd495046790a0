// How JSON-like values fill a tensor of each element type. Plain JavaScript: the inference worker imports it as
// it is (element-codecs.d.ts has the types).
import { toHalf } from './float16.js';

/** `null` is a missing value: NaN. */
function floatCodec(ortType, Data) {
  return {
    ortType,
    expected: 'a number or null',
    allocate(size) {
      const data = new Data(size);
      return {
        data,
        set(index, value) {
          if (typeof value === 'number') data[index] = value;
          else if (value === null) data[index] = Number.NaN;
          else return false;
          return true;
        },
      };
    },
  };
}

function integerCodec(ortType, Data, min, max) {
  return {
    ortType,
    expected: `an integer from ${min} to ${max}`,
    allocate(size) {
      const data = new Data(size);
      return {
        data,
        set(index, value) {
          if (!Number.isInteger(value) || value < min || value > max) return false;
          data[index] = value;
          return true;
        },
      };
    },
  };
}

/** Takes numbers that are safe integers and bigints that fit. */
function bigintCodec(ortType, Data) {
  const fits = ortType === 'int64' ? (n) => BigInt.asIntN(64, n) === n : (n) => BigInt.asUintN(64, n) === n;
  return {
    ortType,
    expected: ortType === 'int64' ? 'an integer' : 'a non-negative integer',
    allocate(size) {
      const data = new Data(size);
      return {
        data,
        set(index, value) {
          const integer = Number.isSafeInteger(value) ? BigInt(value) : value;
          if (typeof integer !== 'bigint' || !fits(integer)) return false;
          data[index] = integer;
          return true;
        },
      };
    },
  };
}

const stringCodec = {
  ortType: 'string',
  expected: 'a string or null',
  allocate(size) {
    const data = new Array(size);
    return {
      data,
      set(index, value) {
        if (typeof value === 'string') data[index] = value;
        else if (value === null) data[index] = '';
        else return false;
        return true;
      },
    };
  },
};

const boolCodec = {
  ortType: 'bool',
  expected: 'true, false, 0 or 1',
  allocate(size) {
    const data = new Uint8Array(size);
    return {
      data,
      set(index, value) {
        if (value === true || value === 1) data[index] = 1;
        else if (value !== false && value !== 0) return false;
        return true;
      },
    };
  },
};

/** Half-precision numbers, stored as their 16 bits; `null` is a missing value (NaN). */
const float16Codec = {
  ortType: 'float16',
  expected: 'a number or null',
  allocate(size) {
    const data = new Uint16Array(size);
    return {
      data,
      set(index, value) {
        if (typeof value === 'number') data[index] = toHalf(value);
        else if (value === null) data[index] = toHalf(Number.NaN);
        else return false;
        return true;
      },
    };
  },
};

/** The element types a prediction's input can hold; the 4-bit types and bfloat16 have no codec (yet). */
export const elementCodecs = {
  float: floatCodec('float32', Float32Array),
  double: floatCodec('float64', Float64Array),
  float16: float16Codec,
  int8: integerCodec('int8', Int8Array, -128, 127),
  uint8: integerCodec('uint8', Uint8Array, 0, 255),
  int16: integerCodec('int16', Int16Array, -32768, 32767),
  uint16: integerCodec('uint16', Uint16Array, 0, 65535),
  int32: integerCodec('int32', Int32Array, -2147483648, 2147483647),
  uint32: integerCodec('uint32', Uint32Array, 0, 4294967295),
  int64: bigintCodec('int64', BigInt64Array),
  uint64: bigintCodec('uint64', BigUint64Array),
  string: stringCodec,
  bool: boolCodec,
};
