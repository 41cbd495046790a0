/** The codecs a `.flm` section can use; `none` stores bytes as they are. */
export type CodecName = 'none' | 'bz2' | 'lzma' | 'zlib' | 'zstd';

/** The codecs we write with (Flama also writes bz2 and lzma; we only read those). */
export type WritableCodecName = 'none' | 'zlib' | 'zstd';

export interface Codec {
  readonly name: CodecName;
  /**
   * Decompresses `data`, throwing FlmFormatError `too-large` as soon as the output would pass `limit`
   * bytes and `corrupt` (or `truncated`) when the data is damaged.
   */
  decompress(data: Uint8Array, limit: number): Uint8Array;
}

export interface WritableCodec extends Codec {
  readonly name: WritableCodecName;
  /** Async because the zstd encoder is WebAssembly, compiled on first use. */
  compress(data: Uint8Array): Promise<Uint8Array>;
}
