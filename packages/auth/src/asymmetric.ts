import type { KeyObject } from 'node:crypto';
import { CompactSign, errors, flattenedVerify } from 'jose';
import type { Algorithm } from './algorithms';
import { InvalidSignatureError, JWTDecodeError } from './errors';
import type { JWTHeader } from './jwt-parts';

/** Signs with jose (RS256, ES256, EdDSA): a compact, unpadded token. */
export function signAsymmetric(header: JWTHeader, payload: string, key: KeyObject): Promise<string> {
  return new CompactSign(Buffer.from(payload, 'utf8')).setProtectedHeader(header).sign(key);
}

/** Verifies with jose the segments exactly as received, allowing only the key's algorithm. */
export async function verifyAsymmetric(
  alg: Algorithm,
  key: KeyObject,
  segments: { protected: string; payload: string; signature: string },
): Promise<void> {
  try {
    await flattenedVerify(segments, key, { algorithms: [alg] });
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new InvalidSignatureError();
    // The key was checked when prepared, so anything else jose refuses is the token's fault.
    throw new JWTDecodeError('Token could not be verified');
  }
}
