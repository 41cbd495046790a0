import { randomUUID } from 'node:crypto';
import type { Algorithm } from './algorithms';
import { systemClock } from './claims';
import { encodeToken } from './encode-token';
import type { JWTPayload, TokenFormat } from './jwt-parts';
import { type JWTKey, type PreparedKey, prepareKey } from './keys';
import { refreshTokenType } from './token-types';

export interface TokenIssuerOptions {
  /** What signs: an HMAC secret or a private key. */
  secret: JWTKey;
  /** Default: HS256 for a secret, the key's own algorithm for a private key. */
  algorithm?: Algorithm;
  /** Access tokens' lifetime in seconds (default 300, as in Flama's tutorial). */
  accessTokenTTL?: number;
  /** Refresh tokens' lifetime in seconds (default 30 days, as in Flama's tutorial). */
  refreshTokenTTL?: number;
  /** `flama` issues padded tokens that a Python Flama service with the same secret accepts. */
  format?: TokenFormat;
  /** Seconds since the epoch (default: the system clock). */
  now?: () => number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Lifetimes in seconds, e.g. for cookies' Max-Age. */
  accessTokenTTL: number;
  refreshTokenTTL: number;
}

/**
 * Issues access and refresh tokens carrying the given claims (usually `data`, maybe `iss`, `sub`), each with
 * `iat`, `exp` and a unique `jti`. Refresh tokens are typed `refresh+jwt`, so neither kind passes for the other.
 */
export class TokenIssuer {
  readonly accessTokenTTL: number;
  readonly refreshTokenTTL: number;
  private readonly key: PreparedKey;
  private readonly algorithm: Algorithm;
  private readonly format: TokenFormat;
  private readonly now: () => number;

  constructor(options: TokenIssuerOptions) {
    this.key = prepareKey(options.secret);
    this.algorithm = options.algorithm ?? this.key.algorithms[0]!;
    this.accessTokenTTL = options.accessTokenTTL ?? 300;
    this.refreshTokenTTL = options.refreshTokenTTL ?? 2_592_000;
    this.format = options.format ?? 'standard';
    this.now = options.now ?? systemClock;
  }

  accessToken(claims: JWTPayload): Promise<string> {
    return this.sign(claims, this.accessTokenTTL, 'JWT');
  }

  refreshToken(claims: JWTPayload): Promise<string> {
    return this.sign(claims, this.refreshTokenTTL, refreshTokenType);
  }

  async issue(claims: JWTPayload): Promise<TokenPair> {
    const [accessToken, refreshToken] = await Promise.all([
      this.accessToken(claims),
      this.refreshToken(claims),
    ]);
    return {
      accessToken,
      refreshToken,
      accessTokenTTL: this.accessTokenTTL,
      refreshTokenTTL: this.refreshTokenTTL,
    };
  }

  private sign(claims: JWTPayload, ttl: number, typ: string): Promise<string> {
    const iat = Math.floor(this.now());
    const payload = { ...claims, iat, exp: iat + ttl, jti: randomUUID() };
    return encodeToken({ alg: this.algorithm, typ }, payload, this.key, this.format, this.now);
  }
}
