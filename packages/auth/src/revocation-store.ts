/**
 * Where used refresh tokens are remembered until they expire. Any object of this shape works (the DDD
 * package provides a PostgreSQL one).
 */
export interface RevocationStore {
  /**
   * Revokes `jti` until `expiresAt` (seconds since the epoch). Return `false` when it was already revoked:
   * then two requests racing with one refresh token cannot both exchange it.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: stores that cannot tell (returning nothing) must fit too.
  revoke(jti: string, expiresAt: number): boolean | void | Promise<boolean | void>;
  isRevoked(jti: string): boolean | Promise<boolean>;
}

import { systemClock } from './claims';

/** A revocation store in memory, for one process. Entries are dropped once their token has expired. */
export class MemoryRevocationStore implements RevocationStore {
  private readonly revoked = new Map<string, number>();

  constructor(private readonly now: () => number = systemClock) {}

  revoke(jti: string, expiresAt: number): boolean {
    this.prune();
    if (this.isRevoked(jti)) return false;
    this.revoked.set(jti, expiresAt);
    return true;
  }

  isRevoked(jti: string): boolean {
    const expiresAt = this.revoked.get(jti);
    return expiresAt !== undefined && expiresAt > this.now();
  }

  get size(): number {
    return this.revoked.size;
  }

  /** Drops expired entries from the oldest on; with one lifetime for all tokens, that is all of them. */
  private prune(): void {
    const now = this.now();
    for (const [jti, expiresAt] of this.revoked) {
      if (expiresAt > now) return;
      this.revoked.delete(jti);
    }
  }
}
