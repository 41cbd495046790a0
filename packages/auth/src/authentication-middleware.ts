import type { Injector } from '@flama/injection';
import {
  type App,
  type AppOpenAPIContribution,
  contextCache,
  errorResponse,
  type MiddlewareFactory,
  type OpenAPIContribution,
  type Route,
  routeOf,
} from '@flama/routing';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { AccessTokenComponent } from './access-token-component';
import type { JWT } from './jwt';
import { hasPermissions } from './permissions';
import { TokenComponent } from './token-component';
import { secureOperation, tokenSecurity } from './token-openapi';
import { refusalResponse } from './token-source';
import { AccessToken } from './token-types';

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
 * 404/405.
 *
 * It reads the request's `AccessToken` through the app's injection, from the component in the app's
 * `components` (or in an app it is mounted in), so a handler injecting the token reuses the verification; an
 * app without one fails at startup. `new AuthenticationMiddleware(accessTokens, options)` uses the component
 * given instead.
 *
 * @example
 * const accessTokens = new AccessTokenComponent({ secret, header: 'Authorization' });
 * const app = new App({ components: [accessTokens], middleware: [new AuthenticationMiddleware()] });
 */
export class AuthenticationMiddleware implements MiddlewareFactory {
  readonly openapi: AppOpenAPIContribution;
  private readonly tokens: AccessTokenComponent | undefined;
  private readonly ignored: RegExp[];

  constructor(options?: AuthenticationOptions);
  constructor(tokens: AccessTokenComponent, options?: AuthenticationOptions);
  constructor(
    tokensOrOptions?: AccessTokenComponent | AuthenticationOptions,
    options: AuthenticationOptions = {},
  ) {
    const given = tokensOrOptions instanceof AccessTokenComponent ? tokensOrOptions : undefined;
    const { ignored = [] } =
      tokensOrOptions instanceof AccessTokenComponent ? options : (tokensOrOptions ?? options);
    this.tokens = given;
    this.ignored = ignored.map((pattern) =>
      typeof pattern === 'string' ? new RegExp(`^(?:${pattern})`) : pattern,
    );
    this.openapi = given
      ? this.contribution(given)
      : (injector) => {
          const provider = injector.provider(AccessToken);
          return provider instanceof TokenComponent ? this.contribution(provider) : undefined;
        };
  }

  /** Built without `async`: a route needing nothing, or an HMAC token, costs no promise of its own. */
  middleware(_app: App, injector: Injector<Context>): MiddlewareHandler {
    const read = this.reader(injector);
    return (c, next) => {
      const required = this.required(routeOf(c), () => c.req.path);
      if (!required) return next();
      try {
        const token = read(c);
        if (token instanceof Promise)
          return token.then((read) => this.admit(read, required, next), refusalResponse);
        return this.admit(token, required, next);
      } catch (error) {
        return Promise.resolve(refusalResponse(error));
      }
    };
  }

  /** How a request's token is read: by the given component, else as the app's injection resolves it. */
  private reader(injector: Injector<Context>): (c: Context) => AccessToken | Promise<AccessToken> {
    const tokens = this.tokens;
    if (tokens) return (c) => tokens.read(c);
    const plan = injector.plan('AuthenticationMiddleware', { token: AccessToken });
    return (c) => {
      const resolved = plan.resolve(c, contextCache(c));
      return resolved instanceof Promise ? resolved.then(({ token }) => token) : resolved.token;
    };
  }

  /** The token's security schemes, and on each route that requires permissions its security and 401/403. */
  private contribution(tokens: TokenComponent<JWT, string>): OpenAPIContribution {
    const security = tokenSecurity(tokens.variable, tokens.location);
    return {
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
