import { type FlamaEnv, nodeIncoming, requestHeader, routeOf } from '@flama/routing';
import type { Context, MiddlewareHandler } from 'hono';
import { redactCookies, redactHeaders, secretCookies, secretHeaders } from './redact';
import type { TelemetryData } from './telemetry-data';

/** A hook: anything it throws or rejects is reported on the console and never fails the request. */
export type TelemetryHook = (data: TelemetryData) => void | Promise<void>;

/** What the middleware needs to record the caller's token: @flama/auth's access-token component fits. */
export interface TokenReader {
  read(c: Context): unknown;
}

export interface TelemetryOptions {
  /** Called once the request is known, before the handler runs. */
  before?: TelemetryHook;
  /** Called once the response is ready (or the request failed). */
  after?: TelemetryHook;
  /** Paths left alone: regular expressions, or strings read as ones matched from the start of the path. */
  ignored?: (string | RegExp)[];
  /** A route whose `meta[metaKey]` is `false` is left alone. Default `telemetry`, as Flama's tag. */
  metaKey?: string;
  /** The most characters of a request or response body recorded (default 16 KiB); 0 records none. */
  bodyLimit?: number;
  /**
   * Record response bodies too (default false): reading one means cloning the response, which costs more
   * than everything else telemetry does per request.
   */
  responseBodies?: boolean;
  /** Records the verified access token of the request (`accessTokens` from @flama/auth). */
  tokens?: TokenReader;
  /** More header names whose values are secrets (lower case), beyond Authorization, Cookie, X-API-Key… */
  secretHeaders?: string[];
}

/**
 * Flama's telemetry: for every request, `before` and `after` hooks receive what happened — the route, the
 * path and query parameters, headers and cookies with secrets redacted, the request and response bodies up to
 * a limit, the status, the error, the caller's token data and the duration. Skippable per route
 * (`meta: { telemetry: false }`) and by path pattern; a hook that fails never fails the request.
 */
export function telemetry(options: TelemetryOptions = {}): MiddlewareHandler<FlamaEnv> {
  const {
    before,
    after,
    metaKey = 'telemetry',
    bodyLimit = 16 * 1024,
    tokens,
    responseBodies = false,
  } = options;
  const ignored = (options.ignored ?? []).map((pattern) =>
    typeof pattern === 'string' ? new RegExp(`^(?:${pattern})`) : pattern,
  );
  const secrets = new Set([
    ...secretHeaders,
    ...(options.secretHeaders ?? []).map((name) => name.toLowerCase()),
  ]);

  return async (c, next) => {
    const route = routeOf(c);
    if (route?.meta[metaKey] === false || ignored.some((pattern) => pattern.test(c.req.path))) return next();
    const started = performance.now();
    const data: TelemetryData = {
      type: 'http',
      endpoint: route
        ? { path: route.path.template, name: route.options.name, meta: { ...route.meta } }
        : null,
      authentication: null,
      request: {
        timestamp: new Date().toISOString(),
        method: c.req.method,
        path: c.req.path,
        headers: redactHeaders(requestHeaders(c), secrets),
        cookies: redactCookies(requestHeader(c, 'cookie') ?? undefined, secretCookies),
        query: c.req.query(),
        pathParameters: c.req.param() as Record<string, string>,
      },
      extra: {},
    };
    await run('before', before, data);
    try {
      await next();
    } finally {
      data.duration = performance.now() - started;
      data.authentication = tokens ? { access: await tokenData(tokens, c) } : null;
      data.request.body = await requestBody(c, bodyLimit);
      data.response = {
        timestamp: new Date().toISOString(),
        status: c.res.status,
        headers: redactHeaders(c.res.headers.entries(), secrets),
        body: responseBodies ? await responseBody(c.res, bodyLimit) : undefined,
      };
      if (c.error || c.res.status >= 500) {
        data.error = { status: c.res.status, detail: c.error?.message ?? data.response.body ?? '' };
      }
      await run('after', after, data);
    }
  };
}

/** The request's headers: Node's parsed ones when served by @hono/node-server (no web Headers built). */
function requestHeaders(c: Context): Iterable<[string, string | string[] | undefined]> {
  const incoming = nodeIncoming(c);
  return incoming ? Object.entries(incoming.headers) : c.req.raw.headers.entries();
}

async function run(name: string, hook: TelemetryHook | undefined, data: TelemetryData): Promise<void> {
  if (!hook) return;
  try {
    await hook(data);
  } catch (error) {
    console.error(`Telemetry ${name} hook failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The token's header and claims, if the request carries one that verifies; never the token's text. */
async function tokenData(tokens: TokenReader, c: Context): Promise<unknown> {
  try {
    const token = (await tokens.read(c)) as { toJSON?(): unknown } | undefined;
    return token?.toJSON?.() ?? null;
  } catch {
    return null;
  }
}

/** The JSON body as the route read it (routing keeps it on the context), never read again here. */
async function requestBody(c: Context<FlamaEnv>, limit: number): Promise<string | undefined> {
  const body = c.get('flama.body');
  if (!body || limit === 0) return undefined;
  const value = await body.catch(() => undefined);
  return value === undefined ? undefined : JSON.stringify(value).slice(0, limit);
}

/** JSON and text bodies, cut at the limit; streams are left alone (reading one would wait for its end). */
async function responseBody(response: Response, limit: number): Promise<string | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (limit === 0 || !/json|^text\/(?!event-stream)/.test(type)) return undefined;
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > limit * 4) return undefined;
  return (await response.clone().text()).slice(0, limit);
}
