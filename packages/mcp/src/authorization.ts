import type { Context } from 'hono';

/**
 * Whether the caller of an MCP request holds every permission in `permissions` (what a tool, resource or
 * prompt's `meta.permissions` asks for). Answer false, or throw saying why (no token: an HTTPException 401),
 * to refuse. On a `Flama` app, `app.mcp` checks the app's access token (its `AccessTokenComponent`).
 */
export type McpAuthorize = (permissions: readonly string[], c: Context) => boolean | Promise<boolean>;

/** Something asks for permissions and nothing checks them: the app does not start. */
export class McpAuthorizationError extends Error {
  override name = 'McpAuthorizationError';
}

/** What a declaration asks of its caller. */
export interface Guarded {
  /** `meta.permissions` of the tool, resource or prompt (or of the app route it calls). */
  readonly permissions: readonly string[];
  /**
   * The declaration calls an app route, whose middleware enforces the permissions anyway: checking them here
   * only hides it from callers who lack them and explains a refusal.
   */
  readonly routeGuarded: boolean;
}
