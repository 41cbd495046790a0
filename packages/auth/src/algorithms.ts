import { UnsupportedAlgorithmError } from './errors';
import type { PreparedKey } from './keys';

/** The signing algorithms we issue and verify: Flama's HMAC set, and asymmetric ones beyond it. */
export const algorithms = ['HS256', 'HS384', 'HS512', 'RS256', 'ES256', 'EdDSA'] as const;

export type Algorithm = (typeof algorithms)[number];

export const hmacAlgorithms: readonly Algorithm[] = ['HS256', 'HS384', 'HS512'];

const supported: ReadonlySet<string> = new Set(algorithms);

export function isAlgorithm(alg: unknown): alg is Algorithm {
  return typeof alg === 'string' && supported.has(alg);
}

export function isHmac(alg: Algorithm): alg is 'HS256' | 'HS384' | 'HS512' {
  return alg.startsWith('HS');
}

/** The header's algorithm, if it is one the key verifies; `none` and strangers are refused by name. */
export function acceptedAlgorithm(alg: unknown, key: PreparedKey): Algorithm {
  if (key.algorithms.includes(alg as Algorithm)) return alg as Algorithm;
  if (alg === undefined) throw new UnsupportedAlgorithmError('Missing algorithm in header');
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    throw new UnsupportedAlgorithmError("Algorithm 'none' is refused: tokens must be signed");
  }
  if (!isAlgorithm(alg)) {
    const name = typeof alg === 'string' && /^[\w+-]{1,32}$/.test(alg) ? ` '${alg}'` : '';
    throw new UnsupportedAlgorithmError(`Unsupported algorithm${name}`);
  }
  throw new UnsupportedAlgorithmError(
    `Algorithm '${alg}' cannot be used with this key (it takes ${key.algorithms.join(', ')})`,
  );
}
