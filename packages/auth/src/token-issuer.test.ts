import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { JWT } from './jwt';
import { setTokenCookies } from './token-cookies';
import { TokenIssuer } from './token-issuer';
import { AccessToken, RefreshToken } from './token-types';

const secret = new Uint8Array(32).fill(7);
const now = () => 1_700_000_000.4;

describe('TokenIssuer', () => {
  it('issues access and refresh tokens with iat, exp and a unique jti', async () => {
    const issuer = new TokenIssuer({ secret, now });
    const pair = await issuer.issue({ iss: 'vortico', data: { id: 'u', permissions: ['p'] } });
    const access = await AccessToken.decode(pair.accessToken, secret, { now });
    const refresh = await RefreshToken.decode(pair.refreshToken, secret, { now });
    expect(access.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(refresh.header).toEqual({ alg: 'HS256', typ: 'refresh+jwt' });
    expect(access.payload).toEqual({
      iss: 'vortico',
      data: { id: 'u', permissions: ['p'] },
      iat: 1_700_000_000,
      exp: 1_700_000_300,
      jti: expect.stringMatching(/^[\da-f-]{36}$/),
    });
    expect(refresh.exp).toBe(1_700_000_000 + 2_592_000);
    expect(access.jti).not.toBe(refresh.jti);
    expect([pair.accessTokenTTL, pair.refreshTokenTTL]).toEqual([300, 2_592_000]);
  });

  it('issues Flama-format tokens and takes other lifetimes and algorithms', async () => {
    const issuer = new TokenIssuer({ secret, now, format: 'flama', algorithm: 'HS512', accessTokenTTL: 60 });
    const token = await issuer.accessToken({ data: { id: 'u' } });
    expect(token).toMatch(/=$/);
    const decoded = await JWT.decode(token, secret, { now });
    expect([decoded.header.alg, decoded.exp]).toEqual(['HS512', 1_700_000_060]);
  });
});

describe('setTokenCookies', () => {
  it('sets both tokens as HttpOnly, Secure, SameSite cookies living as long as the tokens', async () => {
    const issuer = new TokenIssuer({ secret });
    const pair = await issuer.issue({});
    const app = new Hono()
      .get('/default', (c) => {
        setTokenCookies(c, pair);
        return c.body(null, 204);
      })
      .get('/custom', (c) => {
        setTokenCookies(c, pair, { sameSite: 'Strict', refreshPath: '/auth/refresh/', accessCookie: 'at' });
        return c.body(null, 204);
      });
    const cookies = (await app.request('/default')).headers.getSetCookie();
    expect(cookies).toEqual([
      `access_token=${pair.accessToken}; Max-Age=300; Path=/; HttpOnly; Secure; SameSite=Lax`,
      `refresh_token=${pair.refreshToken}; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax`,
    ]);
    const custom = (await app.request('/custom')).headers.getSetCookie();
    expect(custom[0]).toMatch(/^at=.*; SameSite=Strict$/);
    expect(custom[1]).toContain('; Path=/auth/refresh/;');
  });
});
