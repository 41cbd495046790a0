import { Buffer } from 'node:buffer';
import type { KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import type { Algorithm } from './algorithms';
import { InvalidSignatureError, JWTDecodeError } from './errors';
import type { JWTHeader } from './jwt-parts';

// jose loads with the first asymmetric token: HMAC apps never pay for it.
const jose = () => import('jose');

const jwks = new WeakMap<KeyObject, JWK>();

/**
 * The key as jose takes it on every runtime: a JWK, exported once per key (jose then keeps its CryptoKey). Given a
 * KeyObject, jose would call its `toCryptoKey`, which workerd defines but does not implement.
 */
function joseKey(key: KeyObject): JWK {
  let jwk = jwks.get(key);
  if (!jwk) {
    jwk = key.export({ format: 'jwk' }) as JWK;
    jwks.set(key, jwk);
  }
  return jwk;
}

/** Signs with jose (RS256, ES256, EdDSA): a compact, unpadded token. */
export async function signAsymmetric(header: JWTHeader, payload: string, key: KeyObject): Promise<string> {
  const { CompactSign } = await jose();
  return new CompactSign(Buffer.from(payload, 'utf8')).setProtectedHeader(header).sign(joseKey(key));
}

/** Verifies with jose the segments exactly as received, allowing only the key's algorithm. */
export async function verifyAsymmetric(
  alg: Algorithm,
  key: KeyObject,
  segments: { protected: string; payload: string; signature: string },
): Promise<void> {
  const { errors, flattenedVerify } = await jose();
  try {
    await flattenedVerify(segments, joseKey(key), { algorithms: [alg] });
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new InvalidSignatureError();
    // The key was checked when prepared, so anything else jose refuses is the token's fault.
    throw new JWTDecodeError('Token could not be verified');
  }
}
