import { tooLarge } from '../flm/errors';
import type { WritableCodec } from './codec';

/** Stored bytes (section codec byte 0xFF). */
export const none: WritableCodec = {
  name: 'none',
  async compress(data) {
    return data;
  },
  decompress(data, limit) {
    if (data.length > limit) throw tooLarge(limit);
    return data;
  },
};
