// What the auth benchmark's server and load share: the secret, the permission the protected route requires, and
// a token granting it. bench/package.json does not list @flama/auth: it is imported from its source (to become
// `from 'flama'` once the meta-package re-exports it).
import { JWT } from 'flama';

export const AUTH_SECRET = 'the auth benchmark’s secret, 32+ bytes long';
export const AUTH_PERMISSION = 'bench.read';

/** An HS256 token granting the permission, valid for a day, as an `Authorization: Bearer` header. */
export async function authHeaders(): Promise<Record<string, string>> {
  const exp = Math.floor(Date.now() / 1000) + 86_400;
  const token = await new JWT({ alg: 'HS256' }, { data: { permissions: [AUTH_PERMISSION] }, exp }).encode(
    AUTH_SECRET,
  );
  return { authorization: `Bearer ${token}` };
}
