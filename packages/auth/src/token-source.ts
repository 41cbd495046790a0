import { errorResponse, HTTPException, requestHeader } from '@flama/routing';
import type { Context } from 'hono';
import { parse } from 'hono/utils/cookie';

/** The characters of header names, auth schemes and cookie names (RFC 9110's `token`). */
const httpToken = /^[!#$%&'*+.^_`|~\w-]+$/;

/** Where a token is read from: a header holding `<prefix> <token>`, else a cookie. */
export interface TokenLocation {
  header: string;
  prefix: string;
  cookie: string | false;
}

/**
 * Reads the raw token as Flama does: from the header when present (which must be exactly `<prefix> <token>`,
 * else 400), else from the cookie, else 401. The prefix is compared case-insensitively, as HTTP auth schemes are.
 */
export function tokenSource(location: TokenLocation): (c: Context) => string {
  const { header, prefix, cookie } = location;
  const names = { header, prefix, ...(cookie === false ? {} : { cookie }) };
  for (const [what, name] of Object.entries(names)) {
    if (!httpToken.test(name)) throw new TypeError(`The token ${what} "${name}" is not a valid name.`);
  }
  const headerName = header.toLowerCase();
  const expectedPrefix = prefix.toLowerCase();
  const malformed = `Authentication header must be '${header}: ${prefix} <token>'`;
  const fromCookie = (c: Context): string | undefined => {
    if (cookie === false) return undefined;
    const cookies = requestHeader(c, 'cookie');
    return cookies === null ? undefined : parse(cookies, cookie)[cookie];
  };
  return (c) => {
    const value = requestHeader(c, headerName);
    if (value !== null) {
      const parts = value.trim().split(/\s+/);
      if (parts.length !== 2 || parts[0]!.toLowerCase() !== expectedPrefix)
        throw new HTTPException(400, malformed);
      return parts[1]!;
    }
    const token = fromCookie(c);
    if (token) return token;
    throw unauthorized('Unauthorized');
  };
}

/** A 401 with the challenge RFC 7235 asks for. */
export function unauthorized(detail: string): HTTPException {
  return new HTTPException(401, detail, { 'www-authenticate': 'Bearer' });
}

/** For middleware: the error response of an HTTPException; anything else is rethrown. */
export function refusalResponse(error: unknown): Response {
  if (error instanceof HTTPException)
    return errorResponse(error.status, error.detail, error.name, error.headers);
  throw error;
}
