/**
 * Defaults that keep Scalar from reaching outside the app (each one checked in the 1.46 bundle):
 * - withDefaultFonts: false — otherwise its CSS loads Inter and JetBrains Mono from fonts.scalar.com;
 * - agent.disabled — the "Ask AI" agent is on by default when the page is served from localhost, and on load
 *   it calls api.scalar.com through proxy.scalar.com;
 * - showDeveloperTools: 'never' — the localhost toolbar offers to upload the document to Scalar's registry;
 * - telemetry: false — accepted by 1.46's schema, unused by its browser bundle; stated so a later version
 *   that starts using it stays quiet.
 */
export const PRIVATE_SCALAR_DEFAULTS: Readonly<Record<string, unknown>> = Object.freeze({
  withDefaultFonts: false,
  telemetry: false,
  agent: Object.freeze({ disabled: true }),
  showDeveloperTools: 'never',
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The configuration given to Scalar: the private defaults, the user's options over them, then the document
 * URL. Object-valued defaults are merged one level deep, so `agent: { hideAddApi: true }` keeps the agent off.
 */
export function scalarConfiguration(
  user: Readonly<Record<string, unknown>> | undefined,
  documentUrl: string,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...PRIVATE_SCALAR_DEFAULTS, ...user };
  for (const [key, fallback] of Object.entries(PRIVATE_SCALAR_DEFAULTS)) {
    const given = user?.[key];
    if (isPlainObject(fallback) && isPlainObject(given)) merged[key] = { ...fallback, ...given };
  }
  merged.url = documentUrl;
  return merged;
}
