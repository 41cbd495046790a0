// Tensors crossing between threads as one message of three parts: a JSON header (names, types, shapes and
// where each tensor's numbers start), every string value joined into one text, and one ArrayBuffer holding
// the numbers of every tensor (each at an 8-byte aligned offset, so every typed array can view it) followed
// by the strings' lengths. Cloning two strings and one buffer costs a few microseconds; arrays of small
// strings and numbers cost several times that, and so does moving (transferring) a small buffer rather
// than copying it. Plain JavaScript: the inference worker imports it as it is.

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

/** Below this, a pack's buffer is copied with the message; from it up, moved (see `transferList`). */
const MOVED_BYTES = 64 * 1024;

const aligned = (bytes) => Math.ceil(bytes / 8) * 8;

/** Packs tensors given as `{ name, type, dims, chunks }`: each one's data is its chunks, joined in order. */
export function packTensors(tensors) {
  const header = { names: [], types: [], dims: [], offsets: [], lengthsAt: 0, strings: 0 };
  let bytes = 0;
  for (const { name, type, dims, chunks } of tensors) {
    header.names.push(name);
    header.types.push(type);
    header.dims.push(dims);
    if (type === 'string') {
      header.offsets.push(-1);
      for (const chunk of chunks) header.strings += chunk.length;
    } else {
      header.offsets.push(bytes);
      bytes += aligned(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
    }
  }
  header.lengthsAt = bytes;
  const buffer = new ArrayBuffer(bytes + header.strings * 4);
  const target = new Uint8Array(buffer);
  const lengths = new Uint32Array(buffer, bytes, header.strings);
  let text = '';
  let stringAt = 0;
  tensors.forEach(({ type, chunks }, index) => {
    if (type === 'string') {
      for (const chunk of chunks) {
        for (const value of chunk) {
          lengths[stringAt++] = value.length;
          text += value;
        }
      }
      return;
    }
    let offset = header.offsets[index];
    for (const chunk of chunks) {
      target.set(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), offset);
      offset += chunk.byteLength;
    }
  });
  return { header: JSON.stringify(header), text, buffer };
}

/** What to transfer with a pack: nothing when its buffer is small enough that copying it is cheaper. */
export function transferList(pack) {
  return pack.buffer.byteLength >= MOVED_BYTES ? [pack.buffer] : [];
}

/** The tensors of a pack, by name: typed arrays are views of its buffer. */
export function unpackTensors(pack) {
  const header = JSON.parse(pack.header);
  const lengths = new Uint32Array(pack.buffer, header.lengthsAt, header.strings);
  const tensors = {};
  let stringAt = 0;
  let textAt = 0;
  header.names.forEach((name, index) => {
    const type = header.types[index];
    const dims = header.dims[index];
    const size = dims.reduce((product, dim) => product * dim, 1);
    let data;
    if (type === 'string') {
      data = new Array(size);
      for (let i = 0; i < size; i++) {
        const length = lengths[stringAt++];
        data[i] = pack.text.slice(textAt, textAt + length);
        textAt += length;
      }
    } else {
      const Data = arrays[type];
      if (!Data) throw new TypeError(`Tensors of ${type} can't cross threads`);
      data = new Data(pack.buffer, header.offsets[index], size);
    }
    tensors[name] = { type, dims, data };
  });
  return tensors;
}
