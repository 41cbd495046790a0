import { JWT } from './jwt';
import type { JWTHeader } from './jwt-parts';

/** The `typ` header of refresh tokens, so that one is never taken for an access token (RFC 8725, 3.11). */
export const refreshTokenType = 'refresh+jwt';

/** A verified access token: inject it with `inject: { token: AccessToken }`. */
export class AccessToken extends JWT {}

/** A verified refresh token: inject it with `inject: { token: RefreshToken }`. */
export class RefreshToken extends JWT {}

export function isRefreshToken(header: JWTHeader): boolean {
  return typeof header.typ === 'string' && header.typ.toLowerCase() === refreshTokenType;
}
