import { TokenComponent, type TokenComponentOptions } from './token-component';
import { RefreshToken } from './token-types';

/**
 * Provides the request's `RefreshToken`: Flama's defaults read the header `refresh_token` holding
 * `Bearer <token>`, else the cookie `refresh_token`. Only tokens issued as refresh tokens are accepted.
 */
export class RefreshTokenComponent extends TokenComponent<RefreshToken, 'refreshToken'> {
  constructor(options: TokenComponentOptions) {
    super(
      {
        token: RefreshToken,
        variable: 'refreshToken',
        defaults: { header: 'refresh_token', cookie: 'refresh_token' },
        refresh: true,
      },
      options,
    );
  }
}
