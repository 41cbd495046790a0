import { AccessTokenComponent, hasPermissions } from '@flama/auth';
import type { McpAuthorize } from '@flama/mcp';

/** The app's MCP server: where, stateful or not, and how callers are checked against `meta.permissions`. */
export interface FlamaMcpOptions {
  /** Where the server answers (default `/mcp/`; `/mcp` answers too). */
  path?: string;
  /**
   * A session per client (`Mcp-Session-Id`) with a stream of server notifications: the app then runs in one
   * process (`--server-workers 1`). Default stateless.
   */
  stateful?: boolean;
  /** Milliseconds without a request after which a session ends (default 30 minutes; `false`: never). */
  sessionIdleTimeout?: number | false;
  /**
   * How a caller is checked against the `meta.permissions` of tools, resources and prompts (of every server of
   * `app.mcp`). Default: its access token (the app's `AccessTokenComponent`) covers them, as for routes.
   */
  authorize?: McpAuthorize;
}

/** The `mcp` option read: the server's settings, or undefined when the app has none. */
export function mcpSettings(
  option: boolean | string | FlamaMcpOptions | undefined,
): (FlamaMcpOptions & { path: string }) | undefined {
  if (option === undefined || option === false || option === '') return undefined;
  if (option === true) return { path: '/mcp/' };
  if (typeof option === 'string') return { path: option };
  return { ...option, path: option.path ?? '/mcp/' };
}

/** The app's access-token component, if `component` is one: what checks MCP callers by default. */
export function accessTokenAuthorize(component: unknown): McpAuthorize | undefined {
  if (!(component instanceof AccessTokenComponent)) return undefined;
  return async (permissions, c) => hasPermissions(await component.read(c), permissions);
}
