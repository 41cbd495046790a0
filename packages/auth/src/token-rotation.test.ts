import { HTTPException } from '@flama/routing';
import { describe, expect, it } from 'vitest';
import { MemoryRevocationStore, type RevocationStore } from './revocation-store';
import { TokenIssuer } from './token-issuer';
import { TokenRotation } from './token-rotation';
import { RefreshToken } from './token-types';

const secret = 'rotation secret';
const issuer = new TokenIssuer({ secret });
const refreshToken = async (data: Record<string, unknown> = { id: 'u' }) =>
  RefreshToken.decode(await issuer.refreshToken({ iss: 'vortico', data }), secret);

async function refusal(promise: Promise<unknown>): Promise<HTTPException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof HTTPException)) throw new Error(`expected an HTTPException, got ${error}`);
  return error;
}

describe('TokenRotation', () => {
  it('exchanges a refresh token for a new pair with the same claims, once', async () => {
    const rotation = new TokenRotation({ issuer });
    const used = await refreshToken({ id: 'u', permissions: ['p'] });
    const pair = await rotation.rotate(used);
    const next = await RefreshToken.decode(pair.refreshToken, secret);
    expect([next.iss, next.data]).toEqual(['vortico', { id: 'u', permissions: ['p'] }]);
    expect(next.jti).not.toBe(used.jti);
    const error = await refusal(rotation.rotate(used));
    expect([error.status, error.detail]).toEqual([401, 'Token has been revoked']);
    expect((await rotation.rotate(next)).accessToken).toBeTruthy();
  });

  it('lets only one of two racing requests exchange a token', async () => {
    const rotation = new TokenRotation({ issuer });
    const token = await refreshToken();
    const results = await Promise.allSettled([rotation.rotate(token), rotation.rotate(token)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('works with a store whose revoke returns nothing', async () => {
    const revoked = new Set<string>();
    const store: RevocationStore = {
      async revoke(jti) {
        revoked.add(jti);
      },
      async isRevoked(jti) {
        return revoked.has(jti);
      },
    };
    const rotation = new TokenRotation({ issuer, store });
    const token = await refreshToken();
    await rotation.rotate(token);
    expect((await refusal(rotation.rotate(token))).status).toBe(401);
  });

  it('refuses refresh tokens without jti or exp', async () => {
    const rotation = new TokenRotation({ issuer });
    const error = await refusal(rotation.rotate(new RefreshToken({ alg: 'HS256' }, { data: {} })));
    expect([error.status, error.detail]).toEqual([401, 'A refresh token needs jti and exp claims']);
  });
});

describe('MemoryRevocationStore', () => {
  it('remembers revocations until the token expires, then forgets them', () => {
    let time = 1000;
    const store = new MemoryRevocationStore(() => time);
    expect(store.revoke('a', 1100)).toBe(true);
    expect(store.revoke('a', 1100)).toBe(false);
    expect(store.revoke('b', 1200)).toBe(true);
    expect([store.isRevoked('a'), store.isRevoked('c')]).toEqual([true, false]);
    time = 1150;
    expect(store.isRevoked('a')).toBe(false);
    store.revoke('c', 1300);
    expect(store.size).toBe(2);
  });
});
