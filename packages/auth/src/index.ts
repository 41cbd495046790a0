export { AccessTokenComponent } from './access-token-component';
export type { Algorithm } from './algorithms';
export { AuthenticationMiddleware, type AuthenticationOptions } from './authentication-middleware';
export type { ClaimsOptions } from './claims';
export type { DecodeOptions } from './decode-token';
export {
  ExpiredTokenError,
  InvalidClaimsError,
  InvalidSignatureError,
  JWTDecodeError,
  JWTError,
  JWTValidateError,
  UnsupportedAlgorithmError,
} from './errors';
export { requirePermissions, verifyToken } from './hono-middleware';
export { type EncodeOptions, JWT } from './jwt';
export { type JwtAuth, type JwtAuthOptions, jwtAuth } from './jwt-auth';
export type { JWTHeader, JWTPayload, TokenFormat } from './jwt-parts';
export type { JWTKey, Secret } from './keys';
export { hasPermissions } from './permissions';
export { RefreshTokenComponent } from './refresh-token-component';
export { MemoryRevocationStore, type RevocationStore } from './revocation-store';
export { TokenComponent, type TokenComponentOptions, type TokenKind } from './token-component';
export { setTokenCookies, type TokenCookieOptions } from './token-cookies';
export { TokenIssuer, type TokenIssuerOptions, type TokenPair } from './token-issuer';
export { TokenRotation, type TokenRotationOptions } from './token-rotation';
export { AccessToken, RefreshToken, refreshTokenType } from './token-types';
