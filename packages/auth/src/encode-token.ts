import { acceptedAlgorithm, isHmac } from './algorithms';
import { signAsymmetric } from './asymmetric';
import { UnsupportedAlgorithmError } from './errors';
import { hmacSign } from './hmac';
import type { JWTHeader, JWTPayload, TokenFormat } from './jwt-parts';
import type { PreparedKey } from './keys';
import { encodeSegment } from './segments';

/**
 * Signs a token. As Flama does, `typ` defaults to `"JWT"` and `iat` to now. Flama-format tokens have padded
 * segments and are signed over that padded text, as Python Flama verifies them.
 */
export async function encodeToken(
  header: JWTHeader,
  payload: JWTPayload,
  key: PreparedKey,
  format: TokenFormat,
  now: () => number,
): Promise<string> {
  const alg = acceptedAlgorithm(header.alg, key);
  if (!key.signs) throw new TypeError(`A public key cannot sign ${alg} tokens: pass the private key.`);
  const { alg: _, ...parameters } = header;
  const fullHeader: JWTHeader = { alg, typ: 'JWT', ...parameters };
  const payloadJson = JSON.stringify(
    payload.iat === undefined ? { ...payload, iat: Math.floor(now()) } : payload,
  );
  if (!isHmac(alg)) {
    if (format === 'flama') {
      throw new UnsupportedAlgorithmError(
        `Flama-format tokens are signed with HS256, HS384 or HS512 (all that Python Flama verifies), not ${alg}`,
      );
    }
    return signAsymmetric(fullHeader, payloadJson, key.key);
  }
  const padded = format === 'flama';
  const signingInput = `${encodeSegment(JSON.stringify(fullHeader), padded)}.${encodeSegment(payloadJson, padded)}`;
  return `${signingInput}.${encodeSegment(hmacSign(alg, key.key, signingInput), padded)}`;
}
