import { systemClock } from './claims';
import { type DecodeOptions, decodeToken } from './decode-token';
import { encodeToken } from './encode-token';
import type { JWTHeader, JWTPayload, TokenFormat } from './jwt-parts';
import { type JWTKey, prepareKey } from './keys';

export interface EncodeOptions {
  /** `standard` (default) or `flama`: padded segments, for a Python Flama service sharing the secret. */
  format?: TokenFormat;
  /** The clock that fills a missing `iat`, in seconds since the epoch. */
  now?: () => number;
}

/**
 * A JSON Web Token: build one from a header and a payload and `encode` it, or `JWT.decode` a token, which
 * verifies its signature and its `exp`, `nbf` and `iat` claims.
 *
 * ```ts
 * const token = await new JWT({ alg: 'HS256' }, { data: { permissions: ['read'] } }).encode(secret);
 * const jwt = await JWT.decode(token, secret); // throws a JWTError when refused
 * ```
 */
export class JWT {
  constructor(
    readonly header: JWTHeader,
    readonly payload: JWTPayload = {},
  ) {}

  /** Verifies and decodes a token; subclasses decode to themselves (`AccessToken.decode(...)`). */
  static async decode<T extends JWT>(
    this: new (
      header: JWTHeader,
      payload: JWTPayload,
    ) => T,
    token: string,
    key: JWTKey,
    options?: DecodeOptions,
  ): Promise<T> {
    const { header, payload } = await decodeToken(token, prepareKey(key), options);
    return new this(header, payload);
  }

  /** Signs the token with a secret (HS*) or a private key. */
  async encode(key: JWTKey, options: EncodeOptions = {}): Promise<string> {
    const { format = 'standard', now = systemClock } = options;
    return encodeToken(this.header, this.payload, prepareKey(key), format, now);
  }

  /** The user's data (`payload.data`), `{}` when the token carries none. */
  get data(): Record<string, unknown> {
    const { data } = this.payload;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  }

  get iss(): string | undefined {
    return this.claim('iss', 'string');
  }

  get sub(): string | undefined {
    return this.claim('sub', 'string');
  }

  get aud(): string | string[] | undefined {
    const { aud } = this.payload;
    return typeof aud === 'string' || Array.isArray(aud) ? aud : undefined;
  }

  get exp(): number | undefined {
    return this.claim('exp', 'number');
  }

  get nbf(): number | undefined {
    return this.claim('nbf', 'number');
  }

  get iat(): number | undefined {
    return this.claim('iat', 'number');
  }

  get jti(): string | undefined {
    return this.claim('jti', 'string');
  }

  toJSON(): { header: JWTHeader; payload: JWTPayload } {
    return { header: this.header, payload: this.payload };
  }

  private claim<K extends 'string' | 'number'>(
    name: string,
    type: K,
  ): (K extends 'string' ? string : number) | undefined {
    const value = this.payload[name];
    return typeof value === type ? (value as K extends 'string' ? string : number) : undefined;
  }
}
