import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { TokenPair } from './token-issuer';

export interface TokenCookieOptions {
  /** Cookie names, Flama's by default: `access_token` and `refresh_token`. */
  accessCookie?: string;
  refreshCookie?: string;
  /** Default true: scripts cannot read the tokens. */
  httpOnly?: boolean;
  /** Default true: sent over HTTPS only (browsers count http://localhost as secure). */
  secure?: boolean;
  /** Default `Lax`. `None` requires `secure`. */
  sameSite?: 'Strict' | 'Lax' | 'None';
  /** Default `/`. */
  path?: string;
  /** Where the refresh cookie is sent, e.g. only to the refresh route (default: `path`). */
  refreshPath?: string;
  domain?: string;
}

/** Sets both tokens of a pair as cookies on the response, each living as long as its token. */
export function setTokenCookies(c: Context, pair: TokenPair, options: TokenCookieOptions = {}): void {
  const { httpOnly = true, secure = true, sameSite = 'Lax', path = '/', domain } = options;
  const common = { httpOnly, secure, sameSite, domain };
  setCookie(c, options.accessCookie ?? 'access_token', pair.accessToken, {
    ...common,
    path,
    maxAge: pair.accessTokenTTL,
  });
  setCookie(c, options.refreshCookie ?? 'refresh_token', pair.refreshToken, {
    ...common,
    path: options.refreshPath ?? path,
    maxAge: pair.refreshTokenTTL,
  });
}
