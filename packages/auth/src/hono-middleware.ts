import { errorResponse } from '@flama/routing';
import type { MiddlewareHandler } from 'hono';
import type { JWT } from './jwt';
import { hasPermissions } from './permissions';
import { refusalResponse } from './token-source';
import type { AccessToken } from './token-types';

/** What `verifyToken` needs of a token component. */
interface TokenReader<T extends JWT, V extends string> {
  readonly variable: V;
  read(c: Parameters<MiddlewareHandler>[0]): T | Promise<T>;
}

/**
 * The token components' reading as a Hono middleware, for plain Hono apps: answers 401/400 as the
 * component does, else sets the verified token as `c.var.accessToken` (or `refreshToken`).
 */
export function verifyToken<T extends JWT, V extends string>(
  component: TokenReader<T, V>,
): MiddlewareHandler<{ Variables: Record<V, T> }> {
  return async (c, next) => {
    try {
      c.set(component.variable, await component.read(c));
    } catch (error) {
      return refusalResponse(error);
    }
    await next();
  };
}

/**
 * A per-route permission check for plain Hono apps, after `verifyToken(accessTokens)`: 403 "Insufficient
 * permissions" unless the token's `data.permissions` and `data.roles` cover every one listed.
 */
export function requirePermissions(
  permissions: readonly string[],
): MiddlewareHandler<{ Variables: { accessToken: AccessToken } }> {
  return async (c, next) => {
    const token = c.get('accessToken');
    if (!token)
      throw new Error('requirePermissions() found no access token: use verifyToken(accessTokens) before it.');
    if (!hasPermissions(token, permissions)) return errorResponse(403, 'Insufficient permissions');
    await next();
  };
}
