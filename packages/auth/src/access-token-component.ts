import { TokenComponent, type TokenComponentOptions } from './token-component';
import { AccessToken } from './token-types';

/**
 * Provides the request's `AccessToken`. Flama's defaults: the header `access_token` holding `Bearer <token>`,
 * else the cookie `access_token`. For `Authorization: Bearer <token>`, pass `header: 'Authorization'`.
 */
export class AccessTokenComponent extends TokenComponent<AccessToken, 'accessToken'> {
  constructor(options: TokenComponentOptions) {
    super(
      {
        token: AccessToken,
        variable: 'accessToken',
        defaults: { header: 'access_token', cookie: 'access_token' },
        refresh: false,
      },
      options,
    );
  }
}
