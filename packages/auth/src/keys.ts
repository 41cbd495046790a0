import { Buffer } from 'node:buffer';
import {
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  type JsonWebKey,
  KeyObject,
  type webcrypto,
} from 'node:crypto';
import type { JWK } from 'jose';
import { type Algorithm, hmacAlgorithms } from './algorithms';

/** An HMAC secret: bytes, or a string taken as UTF-8. */
export type Secret = string | Uint8Array;

/** A secret for HS256/384/512, or an RSA (RS256), P-256 (ES256) or Ed25519 (EdDSA) key as an object or a JWK. */
export type JWTKey = Secret | KeyObject | webcrypto.CryptoKey | JWK;

/** A key checked and converted once, with the algorithms it may be used with. */
export interface PreparedKey {
  readonly key: KeyObject;
  readonly algorithms: readonly Algorithm[];
  /** A secret or a private key: it can sign. */
  readonly signs: boolean;
}

const prepared = new WeakMap<object, PreparedKey>();

/**
 * Checks a key and says what it is for, once per key object: a secret only ever verifies HMAC tokens and a
 * public key only its own algorithm, which is what defeats algorithm confusion.
 */
export function prepareKey(key: JWTKey): PreparedKey {
  if (typeof key === 'string') return fromKeyObject(secretFromString(key));
  let done = prepared.get(key);
  if (!done) {
    done = fromKeyObject(toKeyObject(key));
    prepared.set(key, done);
  }
  return done;
}

function secretFromString(secret: string): KeyObject {
  if (secret.startsWith('-----BEGIN')) {
    throw new TypeError(
      'This secret is a PEM key: pass createPublicKey(pem) or createPrivateKey(pem) to use it as an asymmetric key.',
    );
  }
  return secretFromBytes(Buffer.from(secret, 'utf8'));
}

function secretFromBytes(bytes: Uint8Array): KeyObject {
  if (bytes.byteLength === 0) throw new TypeError('The JWT secret is empty.');
  return createSecretKey(bytes);
}

function toKeyObject(key: Exclude<JWTKey, string>): KeyObject {
  if (key instanceof KeyObject) return key;
  if (key instanceof Uint8Array) return secretFromBytes(key);
  if (!isJwk(key)) return KeyObject.from(key);
  if (key.kty === 'oct') return secretFromBytes(Buffer.from(key.k ?? '', 'base64url'));
  const jwk = { key: key as JsonWebKey, format: 'jwk' as const };
  return 'd' in key ? createPrivateKey(jwk) : createPublicKey(jwk);
}

function isJwk(key: webcrypto.CryptoKey | JWK): key is JWK {
  return typeof (key as JWK).kty === 'string';
}

function fromKeyObject(key: KeyObject): PreparedKey {
  if (key.type === 'secret') {
    if (key.symmetricKeySize === 0) throw new TypeError('The JWT secret is empty.');
    return { key, algorithms: hmacAlgorithms, signs: true };
  }
  return { key, algorithms: [asymmetricAlgorithm(key)], signs: key.type === 'private' };
}

function asymmetricAlgorithm(key: KeyObject): Algorithm {
  const { asymmetricKeyType: type, asymmetricKeyDetails: details } = key;
  if (type === 'rsa') {
    if ((details?.modulusLength ?? 0) < 2048) throw new TypeError('RS256 keys must be 2048 bits or larger.');
    return 'RS256';
  }
  if (type === 'ec' && details?.namedCurve === 'prime256v1') return 'ES256';
  if (type === 'ed25519') return 'EdDSA';
  const name = type === 'ec' ? `an EC key on ${details?.namedCurve}` : `a ${type} key`;
  throw new TypeError(
    `Unsupported JWT key: ${name}. Use an HMAC secret, RSA (RS256), EC P-256 (ES256) or Ed25519 (EdDSA).`,
  );
}
