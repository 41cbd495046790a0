import { createHmac, generateKeyPairSync, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ExpiredTokenError,
  InvalidClaimsError,
  InvalidSignatureError,
  JWTDecodeError,
  UnsupportedAlgorithmError,
} from './errors';
import { JWT } from './jwt';

const secret = new Uint8Array(16);
const now = () => 1_700_000_000;
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** A token with any header and payload, HMAC-signed over exactly the given text. */
function forge(header: unknown, payload: unknown, key: Uint8Array | string = secret): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected a refusal');
  return error;
}

describe('JWT with HMAC', () => {
  it('encodes and decodes, with typ and iat filled in as Flama does', async () => {
    const token = await new JWT({ alg: 'HS256' }, { iss: 'vortico', data: { id: 'a' } }).encode(secret, {
      now,
    });
    const jwt = await JWT.decode(token, secret, { now });
    expect(jwt.toJSON()).toEqual({
      header: { alg: 'HS256', typ: 'JWT' },
      payload: { iss: 'vortico', data: { id: 'a' }, iat: 1_700_000_000 },
    });
    expect([jwt.iss, jwt.iat, jwt.data, jwt.exp, jwt.jti]).toEqual([
      'vortico',
      1_700_000_000,
      { id: 'a' },
      undefined,
      undefined,
    ]);
    expect(token).not.toContain('=');
  });

  it.each(['HS256', 'HS384', 'HS512'] as const)(
    'signs and verifies %s, with string or byte secrets',
    async (alg) => {
      const token = await new JWT({ alg }, { sub: 'x' }).encode('a string secret');
      expect((await JWT.decode(token, Buffer.from('a string secret'))).sub).toBe('x');
    },
  );

  it('decodes subclasses to themselves', async () => {
    class Custom extends JWT {}
    const token = await new JWT({ alg: 'HS256' }, {}).encode(secret);
    expect(await Custom.decode(token, secret)).toBeInstanceOf(Custom);
  });

  it.each([
    ['alg none', { alg: 'none' }, "Algorithm 'none' is refused: tokens must be signed"],
    ['alg None', { alg: 'None' }, "Algorithm 'none' is refused: tokens must be signed"],
    ['a missing alg', { typ: 'JWT' }, 'Missing algorithm in header'],
    ['an unknown alg', { alg: 'HS1' }, "Unsupported algorithm 'HS1'"],
    ['an alg that is not a name', { alg: { $ne: 1 } }, 'Unsupported algorithm'],
  ])('refuses %s', async (_case, header, message) => {
    const error = await refusal(JWT.decode(forge(header, {}), secret));
    expect(error).toBeInstanceOf(UnsupportedAlgorithmError);
    expect(error.message).toBe(message);
  });

  it('refuses an unsigned token with an empty signature', async () => {
    const token = `${b64('{"alg":"none"}')}.${b64('{}')}.`;
    expect(await refusal(JWT.decode(token, secret))).toBeInstanceOf(UnsupportedAlgorithmError);
  });

  it('refuses tampered headers, payloads and signatures', async () => {
    const token = await new JWT({ alg: 'HS256' }, { data: { permissions: ['read'] } }).encode(secret);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const tampered = [
      `${b64('{"alg":"HS256","typ":"XYZ"}')}.${payload}.${signature}`,
      `${header}.${b64('{"data":{"permissions":["admin"]}}')}.${signature}`,
      `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`,
    ];
    for (const text of tampered) {
      expect(await refusal(JWT.decode(text, secret))).toBeInstanceOf(InvalidSignatureError);
    }
    expect(await refusal(JWT.decode(token, new Uint8Array(16).fill(1)))).toBeInstanceOf(
      InvalidSignatureError,
    );
  });

  it('refuses a signature whose text differs but decodes to the same bytes', async () => {
    const token = await new JWT({ alg: 'HS256' }, {}).encode(secret);
    const last = token.at(-1)!;
    const sibling = 'AEIMQUYcgkosw048'.includes(last) ? String.fromCharCode(last.charCodeAt(0) + 1) : 'A';
    expect(await refusal(JWT.decode(token.slice(0, -1) + sibling, secret))).toBeInstanceOf(JWTDecodeError);
  });

  it.each([
    ['an empty token', '', 'Token is empty'],
    ['two segments', 'a.b', 'Token must have three segments: header.payload.signature'],
    ['five segments (JWE)', 'a.b.c.d.e', 'Token must have three segments: header.payload.signature'],
    ['a header outside base64url', '!!.e30.e30', 'Wrong header format'],
    ['a header that is not JSON', `${b64('{alg')}.e30.e30`, 'Wrong header format'],
    ['a header that is a JSON array', `${b64('["HS256"]')}.e30.e30`, 'Wrong header format'],
    ['wrong padding', `${b64('{"alg":"HS256"}')}=.e30.e30`, 'Wrong header format'],
    ['a signature outside base64url', `${b64('{"alg":"HS256"}')}.e30.a+b/`, 'Wrong signature format'],
    ['an oversized token', `${'a'.repeat(8193)}`, 'Token is longer than 8192 characters'],
  ])('refuses %s', async (_case, token, message) => {
    const error = await refusal(JWT.decode(token, secret));
    expect(error).toBeInstanceOf(JWTDecodeError);
    expect(error.message).toBe(message);
  });

  it('refuses a correctly signed payload that is not a JSON object', async () => {
    const input = `${b64('{"alg":"HS256"}')}.${b64('[1,2]')}`;
    const token = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    expect((await refusal(JWT.decode(token, secret))).message).toBe('Wrong payload format');
  });

  it('refuses critical header extensions it does not understand', async () => {
    const error = await refusal(JWT.decode(forge({ alg: 'HS256', crit: ['exp'] }, {}), secret));
    expect([error.constructor, error.message]).toEqual([
      JWTDecodeError,
      'Unsupported critical header parameters',
    ]);
  });

  it('takes a smaller maximum length', async () => {
    const token = await new JWT({ alg: 'HS256' }, {}).encode(secret);
    expect(await refusal(JWT.decode(token, secret, { maxLength: 10 }))).toBeInstanceOf(JWTDecodeError);
  });
});

describe('time claims', () => {
  const at = (payload: Record<string, unknown>, options = {}) =>
    JWT.decode(forge({ alg: 'HS256' }, payload), secret, { now, ...options });

  it('refuses an expired token, and accepts it within the clock tolerance', async () => {
    const error = await refusal(at({ exp: 1_700_000_000 }));
    expect([error.constructor, error.message]).toEqual([ExpiredTokenError, 'Token expired']);
    expect((await at({ exp: 1_699_999_990 }, { clockTolerance: 30 })).exp).toBe(1_699_999_990);
    expect((await at({ exp: 1_700_000_001 })).exp).toBe(1_700_000_001);
  });

  it('refuses tokens not valid yet or issued in the future', async () => {
    const error = await refusal(at({ nbf: 1_700_000_100, iat: 1_700_000_100 }));
    expect(error).toBeInstanceOf(InvalidClaimsError);
    expect([(error as InvalidClaimsError).claims, error.message]).toEqual([
      ['nbf', 'iat'],
      'Invalid claims (nbf, iat)',
    ]);
    expect((await at({ nbf: 1_700_000_100 }, { clockTolerance: 100 })).nbf).toBe(1_700_000_100);
  });

  it('refuses time claims that are not numbers', async () => {
    const error = await refusal(at({ exp: '2100-01-01' }));
    expect(error).toBeInstanceOf(InvalidClaimsError);
    expect(error).not.toBeInstanceOf(ExpiredTokenError);
    expect(error.message).toBe('Invalid claims (exp): must be seconds since the epoch');
  });
});

describe('JWT with asymmetric keys', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');

  it.each([
    ['RS256', rsa],
    ['ES256', ec],
    ['EdDSA', ed],
  ] as const)('signs and verifies %s with key objects and JWKs', async (alg, pair) => {
    const token = await new JWT({ alg }, { sub: 'a' }).encode(pair.privateKey);
    expect((await JWT.decode(token, pair.publicKey)).sub).toBe('a');
    expect((await JWT.decode(token, pair.publicKey.export({ format: 'jwk' }))).sub).toBe('a');
    const jwkToken = await new JWT({ alg }, { sub: 'b' }).encode(pair.privateKey.export({ format: 'jwk' }));
    expect((await JWT.decode(jwkToken, pair.publicKey)).sub).toBe('b');
  });

  it('verifies with a WebCrypto key', async () => {
    const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as {
      publicKey: webcrypto.CryptoKey;
      privateKey: webcrypto.CryptoKey;
    };
    const token = await new JWT({ alg: 'EdDSA' }, { sub: 'c' }).encode(pair.privateKey);
    expect((await JWT.decode(token, pair.publicKey)).sub).toBe('c');
  });

  it('refuses an HMAC token checked with a public key, even one signed with that key’s text', async () => {
    const pem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const error = await refusal(JWT.decode(forge({ alg: 'HS256' }, {}, pem), rsa.publicKey));
    expect([error.constructor, error.message]).toEqual([
      UnsupportedAlgorithmError,
      "Algorithm 'HS256' cannot be used with this key (it takes RS256)",
    ]);
    await expect(new JWT({ alg: 'HS256' }, {}).encode(pem)).rejects.toThrow(TypeError);
  });

  it('refuses an RS256 token checked with a secret, or with a key of another algorithm', async () => {
    const token = await new JWT({ alg: 'RS256' }, {}).encode(rsa.privateKey);
    expect(await refusal(JWT.decode(token, secret))).toBeInstanceOf(UnsupportedAlgorithmError);
    expect(await refusal(JWT.decode(token, ec.publicKey))).toBeInstanceOf(UnsupportedAlgorithmError);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(await refusal(JWT.decode(token, other.publicKey))).toBeInstanceOf(InvalidSignatureError);
  });

  it('refuses a tampered asymmetric token', async () => {
    const token = await new JWT({ alg: 'ES256' }, { data: { permissions: ['read'] } }).encode(ec.privateKey);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${b64('{"data":{"permissions":["admin"]}}')}.${signature}`;
    expect(await refusal(JWT.decode(forged, ec.publicKey))).toBeInstanceOf(InvalidSignatureError);
  });

  it('says what is wrong with keys it cannot use', async () => {
    const encode = (alg: 'RS256' | 'ES256' | 'HS256', key: Parameters<JWT['encode']>[0], format?: 'flama') =>
      new JWT({ alg }, {}).encode(key, { format });
    await expect(encode('RS256', rsa.publicKey)).rejects.toThrow(
      'A public key cannot sign RS256 tokens: pass the private key.',
    );
    await expect(encode('RS256', rsa.privateKey, 'flama')).rejects.toThrow(UnsupportedAlgorithmError);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    await expect(encode('ES256', p384.privateKey)).rejects.toThrow(/EC key on secp384r1/);
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    await expect(encode('RS256', small.privateKey)).rejects.toThrow(/2048 bits/);
    await expect(encode('HS256', '')).rejects.toThrow('The JWT secret is empty.');
  });
});
