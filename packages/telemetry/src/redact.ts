/** Headers whose values are secrets: their values never reach telemetry. */
export const secretHeaders: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
];

/** Cookie names holding tokens or sessions: their values never reach telemetry. */
export const secretCookies = /token|session|auth|secret|jwt|sid/i;

export const REDACTED = '[redacted]';

/** The headers (lower-case names), with every secret one's value replaced. */
export function redactHeaders(
  headers: Iterable<[string, string | string[] | undefined]>,
  secrets: ReadonlySet<string>,
): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (value === undefined) continue;
    plain[name] = secrets.has(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return plain;
}

/** The cookies of a `Cookie` header, with every secret one's value replaced. */
export function redactCookies(header: string | undefined, secrets: RegExp): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of header?.split(';') ?? []) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const name = pair.slice(0, at).trim();
    if (name) cookies[name] = secrets.test(name) ? REDACTED : pair.slice(at + 1).trim();
  }
  return cookies;
}
