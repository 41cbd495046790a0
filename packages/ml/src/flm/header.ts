import { fileCompression } from './compression-ids';
import { FlmFormatError } from './errors';
import type { FlmCompression } from './types';

export const HEADER_SIZE = 16;

export interface FlmHeader {
  protocol: 1 | 2;
  compression: FlmCompression;
  body: Uint8Array;
}

/**
 * The 16-byte file header `u32 protocol | u32 compression | u64 body_size` (big-endian). There is no
 * magic number: an unknown protocol or compression id, or a body size that is not the rest of the
 * file, means the bytes are not a `.flm` file.
 */
export function readHeader(data: Uint8Array): FlmHeader {
  if (data.length < HEADER_SIZE) {
    throw new FlmFormatError('truncated', `The file has ${data.length} bytes, fewer than a .flm header`);
  }
  const view = new DataView(data.buffer, data.byteOffset, HEADER_SIZE);
  const protocol = view.getUint32(0);
  if (protocol !== 1 && protocol !== 2) {
    throw new FlmFormatError('not-flm', `Unknown protocol ${protocol}: this is not a .flm file`);
  }
  const compression = fileCompression(view.getUint32(4));
  const bodySize = view.getBigUint64(8);
  const present = BigInt(data.length - HEADER_SIZE);
  if (bodySize > present) {
    throw new FlmFormatError(
      'truncated',
      `The file is truncated: its header declares ${bodySize} body bytes, ${present} are present`,
    );
  }
  if (bodySize < present) {
    throw new FlmFormatError(
      'size-mismatch',
      `${present - bodySize} unexpected bytes follow the declared body of ${bodySize} bytes`,
    );
  }
  return { protocol, compression, body: data.subarray(HEADER_SIZE) };
}
