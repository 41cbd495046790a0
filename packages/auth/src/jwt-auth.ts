import { AccessTokenComponent } from './access-token-component';
import { AuthenticationMiddleware, type AuthenticationOptions } from './authentication-middleware';
import type { JWTKey } from './keys';
import { RefreshTokenComponent } from './refresh-token-component';
import type { RevocationStore } from './revocation-store';
import type { TokenComponentOptions } from './token-component';
import { TokenIssuer, type TokenIssuerOptions } from './token-issuer';
import { TokenRotation } from './token-rotation';

type ReadOptions = Omit<TokenComponentOptions, 'secret'>;

export interface JwtAuthOptions {
  /** What verifies tokens, and signs them too when it is an HMAC secret. */
  secret: JWTKey;
  /** What signs, when `secret` is a public key: its private key. */
  signingKey?: JWTKey;
  /** Where access tokens are read and how they are checked (header, prefix, cookie, requireExp, algorithms…). */
  access?: ReadOptions;
  /** The same for refresh tokens. */
  refresh?: ReadOptions;
  /** How tokens are issued (algorithm, TTLs, format). */
  issue?: Omit<TokenIssuerOptions, 'secret'>;
  /** Paths the middleware leaves alone. */
  ignored?: AuthenticationOptions['ignored'];
  /** Where used refresh tokens are remembered (default: in memory, one process). */
  revocations?: RevocationStore;
}

/** Everything JWT authentication needs, made from one secret; see `jwtAuth`. */
export interface JwtAuth {
  /** The access- and refresh-token components: give them to the app's `components`. */
  readonly components: [AccessTokenComponent, RefreshTokenComponent];
  /**
   * Guards routes by their `meta.permissions`: give it to the app's `middleware`. It reads the token with the
   * access-token component it finds among the app's components (these), through injection.
   */
  readonly middleware: AuthenticationMiddleware;
  readonly issuer: TokenIssuer;
  readonly rotation: TokenRotation;
  readonly accessTokens: AccessTokenComponent;
  readonly refreshTokens: RefreshTokenComponent;
}

/**
 * JWT authentication from one secret: token components, the permissions middleware, an issuer and refresh
 * rotation, wired together.
 *
 * @example
 * const auth = jwtAuth({ secret: process.env.JWT_SECRET!, access: { header: 'Authorization' } });
 * const app = new Flama({ components: auth.components, middleware: [auth.middleware] });
 * app.post('/auth/', {}, async () => auth.issuer.issue({ data: { permissions: ['read'] } }));
 */
export function jwtAuth(options: JwtAuthOptions): JwtAuth {
  const { secret } = options;
  const accessTokens = new AccessTokenComponent({ ...options.access, secret });
  const refreshTokens = new RefreshTokenComponent({ ...options.refresh, secret });
  const issuer = new TokenIssuer({ ...options.issue, secret: options.signingKey ?? secret });
  return {
    components: [accessTokens, refreshTokens],
    middleware: new AuthenticationMiddleware({ ignored: options.ignored }),
    issuer,
    rotation: new TokenRotation({ issuer, store: options.revocations }),
    accessTokens,
    refreshTokens,
  };
}
