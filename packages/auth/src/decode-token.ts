import { type Algorithm, acceptedAlgorithm, isHmac } from './algorithms';
import { verifyAsymmetric } from './asymmetric';
import { type ClaimsOptions, validateClaims } from './claims';
import { InvalidSignatureError, JWTDecodeError, UnsupportedAlgorithmError } from './errors';
import { hmacVerify } from './hmac';
import type { JWTHeader, JWTPayload } from './jwt-parts';
import type { PreparedKey } from './keys';
import { decodeJsonSegment, decodeSegment } from './segments';

export interface DecodeOptions extends ClaimsOptions {
  /** The longest token accepted, in characters (default 8192); longer ones are refused before any work. */
  maxLength?: number;
  /**
   * The algorithms accepted (default: every one the key takes: HS256, HS384 and HS512 for a secret), e.g.
   * `['HS256']` so that a token signed otherwise with the same secret is refused.
   */
  algorithms?: readonly Algorithm[];
}

export interface DecodedToken {
  header: JWTHeader;
  payload: JWTPayload;
}

const defaultMaxLength = 8192;

/**
 * Verifies a compact token and its time claims. The signature covers the segments exactly as received, so
 * padded (Python Flama) and unpadded tokens both verify; the payload is parsed only once the signature holds.
 * HMAC tokens are verified synchronously (the hot path); asymmetric ones return a promise. Throws JWTErrors.
 */
export function decodeToken(
  token: string,
  key: PreparedKey,
  options: DecodeOptions = {},
): DecodedToken | Promise<DecodedToken> {
  if (typeof token !== 'string' || token.length === 0) throw new JWTDecodeError('Token is empty');
  const maxLength = options.maxLength ?? defaultMaxLength;
  if (token.length > maxLength) throw new JWTDecodeError(`Token is longer than ${maxLength} characters`);
  const first = token.indexOf('.');
  const last = token.lastIndexOf('.');
  if (first === last || token.indexOf('.', first + 1) !== last) {
    throw new JWTDecodeError('Token must have three segments: header.payload.signature');
  }
  const headerSegment = token.slice(0, first);
  const payloadSegment = token.slice(first + 1, last);
  const signatureSegment = token.slice(last + 1);
  const header = decodeJsonSegment(headerSegment, 'header') as JWTHeader;
  const alg = acceptedAlgorithm(header.alg, key);
  if (options.algorithms && !options.algorithms.includes(alg)) {
    throw new UnsupportedAlgorithmError(
      `Algorithm '${alg}' is not allowed here (allowed: ${options.algorithms.join(', ')})`,
    );
  }
  if ('crit' in header) throw new JWTDecodeError('Unsupported critical header parameters');
  const signature = decodeSegment(signatureSegment, 'signature', true);
  if (isHmac(alg)) {
    if (!hmacVerify(alg, key.key, token.slice(0, last), signature)) throw new InvalidSignatureError();
    return { header, payload: verifiedPayload(payloadSegment, options) };
  }
  const segments = { protected: headerSegment, payload: payloadSegment, signature: signatureSegment };
  return verifyAsymmetric(alg, key.key, segments).then(() => ({
    header,
    payload: verifiedPayload(payloadSegment, options),
  }));
}

/** The payload of a token whose signature held, once its time claims are checked. */
function verifiedPayload(segment: string, options: DecodeOptions): JWTPayload {
  const payload = decodeJsonSegment(segment, 'payload');
  validateClaims(payload, options);
  return payload;
}
