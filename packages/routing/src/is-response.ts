/**
 * Whether a handler's result is a Response. `instanceof` alone misses native ones once @hono/node-server has
 * put its own Response class in the global's place (its instances extend the native one, not the reverse), so
 * `Response.json(…)` from a handler would be serialized as `{}`.
 */
export function isResponse(value: unknown): value is Response {
  return (
    value instanceof Response ||
    (typeof value === 'object' &&
      value !== null &&
      Object.prototype.toString.call(value) === '[object Response]')
  );
}
