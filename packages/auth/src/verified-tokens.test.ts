import { App, testClient } from '@flama/routing';
import { describe, expect, it } from 'vitest';
import { AccessTokenComponent } from './access-token-component';
import { JWT } from './jwt';
import { AccessToken } from './token-types';
import { VerifiedTokens } from './verified-tokens';

const secret = 'verified tokens secret';

describe('VerifiedTokens', () => {
  it('keeps at most its limit, the oldest leaving first, and freezes what it keeps', () => {
    const tokens = new VerifiedTokens(2);
    const token = (sub: string) => new JWT({ alg: 'HS256' }, { sub, data: { roles: { a: ['x'] } } });
    const first = tokens.add('a', token('a'));
    tokens.add('b', token('b'));
    tokens.add('c', token('c'));
    expect([tokens.get('a'), tokens.get('b')?.sub, tokens.get('c')?.sub]).toEqual([undefined, 'b', 'c']);
    expect([Object.isFrozen(first), Object.isFrozen(first.payload.data?.roles)]).toEqual([true, true]);
  });
});

describe('a component seeing a token again', () => {
  it('still checks its expiry, and still refuses any other text', async () => {
    let now = 1_700_000_000;
    const app = new App({ components: [new AccessTokenComponent({ secret, now: () => now })] });
    app.get('/', { inject: { token: AccessToken } }, ({ token }) => ({
      frozen: Object.isFrozen(token.payload),
    }));
    await using client = await testClient(app);
    const token = await new JWT({ alg: 'HS256' }, { exp: now + 60 }).encode(secret, { now: () => now });
    const get = (text: string) => client.get('/', { headers: { access_token: `Bearer ${text}` } });
    expect(await (await get(token)).json()).toEqual({ frozen: true });
    expect((await get(token)).status).toBe(200);
    expect((await get(`${token.slice(0, -2)}AA`)).status).toBe(401);
    now += 61;
    const expired = await get(token);
    expect([expired.status, ((await expired.json()) as { detail: string }).detail]).toEqual([
      401,
      'Token expired',
    ]);
  });
});
