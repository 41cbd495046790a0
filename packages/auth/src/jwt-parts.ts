import type { Algorithm } from './algorithms';

/** A token's header. `typ` defaults to `"JWT"` when encoding. */
export interface JWTHeader {
  alg: Algorithm;
  typ?: string;
  cty?: string;
  kid?: string;
  [parameter: string]: unknown;
}

/**
 * A token's claims. As in Flama, the user's data (`permissions`, `roles`, an id) lives in `data`; the
 * registered claims sit beside it, and any other claim is kept as given.
 */
export interface JWTPayload {
  data?: Record<string, unknown>;
  iss?: string;
  sub?: string;
  aud?: string | string[];
  /** Seconds since the epoch. */
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  [claim: string]: unknown;
}

/** `standard`: RFC 7519 tokens (unpadded). `flama`: `=`-padded segments, which Python Flama requires. */
export type TokenFormat = 'standard' | 'flama';
