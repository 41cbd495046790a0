import {
  errorResponse,
  type MiddlewareFactory,
  type OpenAPIContribution,
  type Route,
  routeOf,
} from '@flama/routing';
import type { MiddlewareHandler, Next } from 'hono';
import type { AccessTokenComponent } from './access-token-component';
import { hasPermissions } from './permissions';
import { secureOperation, tokenSecurity } from './token-openapi';
import { refusalResponse } from './token-source';
import type { AccessToken } from './token-types';

export interface AuthenticationOptions {
  /**
   * Paths left alone: regular expressions, or strings read as regular expressions matched from the start
   * of the path (as Flama's `ignored`).
   */
  ignored?: (string | RegExp)[];
}

/**
 * Guards the routes whose `meta.permissions` lists requirements: no requirement passes without a token; a
 * missing or refused token is a 401 (400 for a malformed header); a token whose `data.permissions` and
 * `data.roles` don't cover the requirement is a 403 "Insufficient permissions". Unknown routes keep their
 * 404/405. Pass the app's own access-token component, so that a handler injecting the token reuses the
 * verification.
 */
export class AuthenticationMiddleware implements MiddlewareFactory {
  readonly openapi: OpenAPIContribution;
  private readonly ignored: RegExp[];

  constructor(
    private readonly tokens: AccessTokenComponent,
    options: AuthenticationOptions = {},
  ) {
    this.ignored = (options.ignored ?? []).map((pattern) =>
      typeof pattern === 'string' ? new RegExp(`^(?:${pattern})`) : pattern,
    );
    const security = tokenSecurity(tokens.variable, tokens.location);
    this.openapi = {
      securitySchemes: security.securitySchemes,
      describeOperation: (operation, route) =>
        this.required(route, () => route.path.openapi)
          ? secureOperation(operation, security, {
              '401': 'Missing, invalid or expired token',
              '403': 'Insufficient permissions',
            })
          : operation,
    };
  }

  /** Built without `async`: a route needing nothing, or an HMAC token, costs no promise of its own. */
  middleware(): MiddlewareHandler {
    return (c, next) => {
      const required = this.required(routeOf(c), () => c.req.path);
      if (!required) return next();
      try {
        const token = this.tokens.read(c);
        if (token instanceof Promise)
          return token.then((read) => this.admit(read, required, next), refusalResponse);
        return this.admit(token, required, next);
      } catch (error) {
        return Promise.resolve(refusalResponse(error));
      }
    };
  }

  /** The permissions a request to this route needs, or undefined when it needs none or its path is ignored. */
  private required(route: Route | undefined, path: () => string): readonly string[] | undefined {
    const permissions = route?.meta.permissions;
    if (!permissions?.length) return undefined;
    if (this.ignored.length > 0 && this.ignored.some((pattern) => pattern.test(path()))) return undefined;
    return permissions;
  }

  private admit(token: AccessToken, required: readonly string[], next: Next): ReturnType<MiddlewareHandler> {
    if (hasPermissions(token, required)) return next();
    return Promise.resolve(errorResponse(403, 'Insufficient permissions'));
  }
}
