import { beforeAll, beforeEach, expect, expectTypeOf, it } from 'vitest';
import { describeDatabases } from '../testing';
import { PostgresRevocationStore, revokedTokensTable } from './postgres-revocation-store';

/** The structural interface @flama/auth's token rotation takes (copied: siblings never import each other). */
interface RevocationStore {
  // biome-ignore lint/suspicious/noConfusingVoidType: the interface as @flama/auth declares it.
  revoke(jti: string, expiresAt: number): boolean | void | Promise<boolean | void>;
  isRevoked(jti: string): boolean | Promise<boolean>;
}

describeDatabases('PostgresRevocationStore', (db) => {
  let time = 1000;
  let store: PostgresRevocationStore;

  beforeAll(async () => {
    store = new PostgresRevocationStore(db.database, () => time);
    await store.createTable();
    await store.createTable();
  });

  beforeEach(async () => {
    time = 1000;
    await db.database.drizzle.delete(revokedTokensTable());
  });

  it('satisfies the auth package’s revocation store', () => {
    expectTypeOf(store).toExtend<RevocationStore>();
  });

  it('remembers a revocation until the token expires', async () => {
    expect(await store.revoke('a', 1100)).toBe(true);
    expect([await store.isRevoked('a'), await store.isRevoked('b')]).toEqual([true, false]);
    time = 1100;
    expect(await store.isRevoked('a')).toBe(false);
  });

  it('refuses a second revocation, so that one refresh token cannot be exchanged twice', async () => {
    const results = await Promise.all([
      store.revoke('a', 1100),
      store.revoke('a', 1100),
      store.revoke('a', 1100),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    time = 1200;
    expect(await store.revoke('a', 1300)).toBe(true);
  });

  it('purges expired revocations', async () => {
    await store.revoke('a', 1100);
    await store.revoke('b', 1200);
    time = 1150;
    expect(await store.purge()).toBe(1);
    expect([await store.isRevoked('a'), await store.isRevoked('b')]).toEqual([false, true]);
  });
});
