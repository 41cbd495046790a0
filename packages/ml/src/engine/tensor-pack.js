// Tensors crossing between threads as one message: the numbers of every tensor in one ArrayBuffer (each at
// an 8-byte aligned offset, so every typed array can view it), the strings in one array. Cloning one buffer
// and a few flat arrays costs a few microseconds; cloning a dozen typed arrays in objects costs ten times that.
// Plain JavaScript: the inference worker imports it as it is.

const arrays = {
  float32: Float32Array,
  float64: Float64Array,
  float16: Uint16Array,
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  bool: Uint8Array,
};

const aligned = (bytes) => Math.ceil(bytes / 8) * 8;

/** Packs tensors given as `{ name, type, dims, chunks }`: each one's data is its chunks, joined in order. */
export function packTensors(tensors) {
  const pack = { names: [], types: [], ranks: [], dims: [], offsets: [], strings: [], buffer: undefined };
  let bytes = 0;
  for (const { name, type, dims, chunks } of tensors) {
    pack.names.push(name);
    pack.types.push(type);
    pack.ranks.push(dims.length);
    pack.dims.push(...dims);
    if (type === 'string') {
      pack.offsets.push(-1);
    } else {
      pack.offsets.push(bytes);
      bytes += aligned(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
    }
  }
  const buffer = new ArrayBuffer(bytes);
  tensors.forEach(({ type, chunks }, index) => {
    if (type === 'string') {
      for (const chunk of chunks) for (const value of chunk) pack.strings.push(value);
      return;
    }
    let offset = pack.offsets[index];
    const target = new Uint8Array(buffer);
    for (const chunk of chunks) {
      target.set(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), offset);
      offset += chunk.byteLength;
    }
  });
  pack.buffer = buffer;
  return pack;
}

/** The tensors of a pack, by name: typed arrays are views of its buffer. */
export function unpackTensors(pack) {
  const tensors = {};
  let dimAt = 0;
  let stringAt = 0;
  pack.names.forEach((name, index) => {
    const type = pack.types[index];
    const dims = pack.dims.slice(dimAt, dimAt + pack.ranks[index]);
    dimAt += pack.ranks[index];
    const size = dims.reduce((product, dim) => product * dim, 1);
    let data;
    if (type === 'string') {
      data = pack.strings.slice(stringAt, stringAt + size);
      stringAt += size;
    } else {
      const Data = arrays[type];
      if (!Data) throw new TypeError(`Tensors of ${type} can't cross threads`);
      data = new Data(pack.buffer, pack.offsets[index], size);
    }
    tensors[name] = { type, dims, data };
  });
  return tensors;
}
