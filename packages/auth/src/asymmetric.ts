import type { KeyObject } from 'node:crypto';
import type { Algorithm } from './algorithms';
import { InvalidSignatureError, JWTDecodeError } from './errors';
import type { JWTHeader } from './jwt-parts';

// jose loads with the first asymmetric token: HMAC apps never pay for it.
const jose = () => import('jose');

/** Signs with jose (RS256, ES256, EdDSA): a compact, unpadded token. */
export async function signAsymmetric(header: JWTHeader, payload: string, key: KeyObject): Promise<string> {
  const { CompactSign } = await jose();
  return new CompactSign(Buffer.from(payload, 'utf8')).setProtectedHeader(header).sign(key);
}

/** Verifies with jose the segments exactly as received, allowing only the key's algorithm. */
export async function verifyAsymmetric(
  alg: Algorithm,
  key: KeyObject,
  segments: { protected: string; payload: string; signature: string },
): Promise<void> {
  const { errors, flattenedVerify } = await jose();
  try {
    await flattenedVerify(segments, key, { algorithms: [alg] });
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new InvalidSignatureError();
    // The key was checked when prepared, so anything else jose refuses is the token's fault.
    throw new JWTDecodeError('Token could not be verified');
  }
}
