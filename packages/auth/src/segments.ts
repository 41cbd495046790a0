import { Buffer } from 'node:buffer';
import { JWTDecodeError } from './errors';

const alphabet = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Decodes one base64url segment, unpadded (RFC 7515) or padded (Python Flama); anything else is refused.
 * `canonical` also refuses encodings with stray bits, so that no two texts decode to the same bytes (for the
 * signature: the other segments are covered by it as text).
 */
export function decodeSegment(segment: string, part: string, canonical = false): Buffer {
  const bare = segment.endsWith('=') ? segment.replace(/=+$/, '') : segment;
  const wellFormed =
    alphabet.test(segment) && bare.length % 4 !== 1 && (bare === segment || segment.length % 4 === 0);
  const bytes = wellFormed ? Buffer.from(bare, 'base64url') : undefined;
  if (!bytes || (canonical && bytes.toString('base64url') !== bare)) {
    throw new JWTDecodeError(`Wrong ${part} format`);
  }
  return bytes;
}

/** Encodes bytes as a base64url segment, with `=` padding when `padded` (as Python Flama writes them). */
export function encodeSegment(bytes: Uint8Array | string, padded: boolean): string {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  const bare = buffer.toString('base64url');
  return padded ? bare.padEnd(Math.ceil(bare.length / 4) * 4, '=') : bare;
}

/** Parses a segment's JSON, which must be an object. */
export function decodeJsonSegment(segment: string, part: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeSegment(segment, part).toString('utf8'));
  } catch {
    throw new JWTDecodeError(`Wrong ${part} format`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new JWTDecodeError(`Wrong ${part} format`);
  }
  return parsed as Record<string, unknown>;
}
