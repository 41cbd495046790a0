/** JSON text with sorted keys, so that two values compare whatever their keys' order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/** Throws unless `actual` equals `expected` as JSON: the one assertion of the shared cases, on every runtime. */
export function check(actual: unknown, expected: unknown, what: string): void {
  const got = canonical(actual);
  const wanted = canonical(expected);
  if (got !== wanted) throw new Error(`${what}: expected ${wanted}, got ${got}`);
}

/** The status and JSON body of a response, the most common thing a case checks. */
export async function statusAndJson(response: Response): Promise<[number, unknown]> {
  return [response.status, await response.json()];
}
