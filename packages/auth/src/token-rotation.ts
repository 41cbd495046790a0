import { MemoryRevocationStore, type RevocationStore } from './revocation-store';
import type { TokenIssuer, TokenPair } from './token-issuer';
import { unauthorized } from './token-source';
import type { RefreshToken } from './token-types';

export interface TokenRotationOptions {
  issuer: TokenIssuer;
  /** Default: in memory, for one process. */
  store?: RevocationStore;
}

/**
 * The refresh flow: exchanges a verified refresh token for a new access token and a new refresh token, with
 * the same claims, and revokes the one used, so a second use of it is a 401.
 */
export class TokenRotation {
  private readonly issuer: TokenIssuer;
  private readonly store: RevocationStore;

  constructor(options: TokenRotationOptions) {
    this.issuer = options.issuer;
    this.store = options.store ?? new MemoryRevocationStore();
  }

  async rotate(token: RefreshToken): Promise<TokenPair> {
    const { jti, exp } = token;
    if (jti === undefined || exp === undefined)
      throw unauthorized('A refresh token needs jti and exp claims');
    if (await this.store.isRevoked(jti)) throw unauthorized('Token has been revoked');
    if ((await this.store.revoke(jti, exp)) === false) throw unauthorized('Token has been revoked');
    const { iat: _iat, exp: _exp, jti: _jti, nbf: _nbf, ...claims } = token.payload;
    return this.issuer.issue(claims);
  }
}
