import type { Component } from '@flama/injection';
import type { OpenAPIContribution } from '@flama/routing';
import type { Context } from 'hono';
import { validateClaims } from './claims';
import { type DecodedToken, type DecodeOptions, decodeToken } from './decode-token';
import { JWTError } from './errors';
import type { JWT } from './jwt';
import type { JWTHeader, JWTPayload } from './jwt-parts';
import { type JWTKey, type PreparedKey, prepareKey } from './keys';
import { tokenOpenAPI } from './token-openapi';
import { type TokenLocation, tokenSource, unauthorized } from './token-source';
import { isRefreshToken } from './token-types';
import { VerifiedTokens } from './verified-tokens';

export interface TokenComponentOptions extends DecodeOptions {
  /** What verifies tokens: an HMAC secret (bytes, or a UTF-8 string) or a public key. */
  secret: JWTKey;
  /** The header holding `<prefix> <token>`. */
  header?: string;
  /** Default `Bearer`. */
  prefix?: string;
  /** The cookie read when the header is absent; `false` reads none. */
  cookie?: string | false;
}

/** What distinguishes the access-token component from the refresh-token one. */
export interface TokenKind<T extends JWT, V extends string> {
  token: new (header: JWTHeader, payload: JWTPayload) => T;
  /** The name of the component, its OpenAPI schemes, and its Hono context variable. */
  variable: V;
  defaults: { header: string; cookie: string };
  refresh: boolean;
}

/**
 * Provides a verified token, read from a header or a cookie. Every failure is an HTTP error: no token 401,
 * a malformed header 400, a token refused (signature, expiry, algorithm, format) 401 with the reason. A
 * request's token is read and verified once, whoever asks first (the middleware or the handler), and a token
 * seen before is recognised by its text (see VerifiedTokens). Provided tokens are frozen.
 */
export class TokenComponent<T extends JWT, V extends string> implements Component<T, Context> {
  readonly provides: TokenKind<T, V>['token'];
  readonly inject = {};
  readonly scope = 'context';
  readonly name: string;
  readonly variable: V;
  readonly location: TokenLocation;
  readonly openapi: OpenAPIContribution;
  private readonly key: PreparedKey;
  private readonly options: DecodeOptions;
  private readonly source: (c: Context) => string;
  private readonly requests = new WeakMap<Context, T | Promise<T>>();
  private readonly verified = new VerifiedTokens<T>();

  constructor(
    private readonly kind: TokenKind<T, V>,
    options: TokenComponentOptions,
  ) {
    const { secret, header, prefix, cookie, ...decodeOptions } = options;
    this.provides = kind.token;
    this.variable = kind.variable;
    this.name = `${kind.token.name}Component`;
    this.key = prepareKey(secret);
    this.options = decodeOptions;
    this.location = {
      header: header ?? kind.defaults.header,
      prefix: prefix ?? 'Bearer',
      cookie: cookie ?? kind.defaults.cookie,
    };
    this.source = tokenSource(this.location);
    this.openapi = tokenOpenAPI(kind.variable, this.location);
  }

  resolve(_dependencies: Record<string, unknown>, c: Context): T | Promise<T> {
    return this.read(c);
  }

  /**
   * The request's verified token (from its header or cookie), read once per request: returned synchronously
   * for HMAC tokens, as a promise for asymmetric ones. Throws (or rejects with) an HTTPException.
   */
  read(c: Context): T | Promise<T> {
    const known = this.requests.get(c);
    if (known) return known;
    const token = this.check(this.source(c));
    this.requests.set(c, token);
    return token;
  }

  /** Verifies a token's text with this component's settings (for tokens sent in a body); 401 when refused. */
  async verify(text: string): Promise<T> {
    return this.check(text);
  }

  private check(text: string): T | Promise<T> {
    try {
      const known = this.verified.get(text);
      if (known) {
        validateClaims(known.payload, this.options);
        return known;
      }
      const decoded = decodeToken(text, this.key, this.options);
      if (!(decoded instanceof Promise)) return this.verified.add(text, this.accept(decoded));
      return decoded.then(
        (token) => this.verified.add(text, this.accept(token)),
        (error: unknown) => Promise.reject(refusal(error)),
      );
    } catch (error) {
      throw refusal(error);
    }
  }

  private accept({ header, payload }: DecodedToken): T {
    if (isRefreshToken(header) !== this.kind.refresh) {
      throw unauthorized(
        this.kind.refresh ? 'Not a refresh token' : 'A refresh token cannot be used as an access token',
      );
    }
    return new this.kind.token(header, payload);
  }
}

/** A refused token is a 401 with the reason; anything else is not ours to answer. */
function refusal(error: unknown): unknown {
  return error instanceof JWTError ? unauthorized(error.message) : error;
}
