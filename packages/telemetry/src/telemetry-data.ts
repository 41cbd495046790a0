/** What one request did, as the `before` and `after` hooks receive it (Flama's TelemetryData, in TypeScript). */
export interface TelemetryData {
  readonly type: 'http';
  /** The route matched: its template (`/users/{id:int}/`), name and metadata; null when none matched. */
  readonly endpoint: { path: string; name: string | undefined; meta: Record<string, unknown> } | null;
  /** The verified access token's header and claims (never its text); null without one, or with a bad one. */
  authentication: { access: unknown } | null;
  readonly request: {
    readonly timestamp: string;
    readonly method: string;
    readonly path: string;
    readonly headers: Record<string, string>;
    readonly cookies: Record<string, string>;
    readonly query: Record<string, string>;
    readonly pathParameters: Record<string, string>;
    /** The JSON body as the route read it, serialized, cut at the body limit; undefined when none was read. */
    body?: string;
  };
  response?: {
    readonly timestamp: string;
    readonly status: number;
    readonly headers: Record<string, string>;
    /** A JSON or text body, cut at the body limit; streams (server-sent events) are not read. */
    readonly body?: string;
  };
  /** What a request that failed (5xx, or an exception) failed with. */
  error?: { readonly status: number; readonly detail: string };
  /** Milliseconds from the request reaching the middleware to its response. */
  duration?: number;
  /** Anything a `before` hook wants the `after` hook (or a sink) to have. */
  readonly extra: Record<string, unknown>;
}
