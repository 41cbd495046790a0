import type { JWT } from './jwt';

/**
 * Whether a token grants every required permission: those in `data.permissions` plus every list in
 * `data.roles` (`{"roles": {"admin": ["users.read", ...]}}`), as in Flama. Malformed lists grant nothing.
 */
export function hasPermissions(token: JWT, required: readonly string[]): boolean {
  const { permissions, roles } = token.data;
  const granted = new Set<unknown>(Array.isArray(permissions) ? permissions : []);
  if (typeof roles === 'object' && roles !== null) {
    for (const role of Object.values(roles)) if (Array.isArray(role)) for (const p of role) granted.add(p);
  }
  return required.every((permission) => granted.has(permission));
}
