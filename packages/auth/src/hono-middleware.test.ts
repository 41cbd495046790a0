import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AccessTokenComponent } from './access-token-component';
import { requirePermissions, verifyToken } from './hono-middleware';
import { TokenIssuer } from './token-issuer';

const secret = 'a long enough secret for the tests';
const tokens = new AccessTokenComponent({ secret, header: 'Authorization' });
const issuer = new TokenIssuer({ secret });

const app = new Hono()
  .get('/me', verifyToken(tokens), (c) => c.json(c.var.accessToken.data))
  .get('/admin', verifyToken(tokens), requirePermissions(['admin']), (c) => c.json({ admin: true }))
  .get('/broken', requirePermissions(['admin']), (c) => c.json({}));
app.onError((error, c) => c.json({ message: error.message }, 500));

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function answer(response: Response): Promise<[number, unknown]> {
  return [response.status, await response.json()];
}

describe('on a plain Hono app', () => {
  it('verifies the token and sets it on the context', async () => {
    const token = await issuer.accessToken({ data: { id: 'h' } });
    expect(await answer(await app.request('/me', bearer(token)))).toEqual([200, { id: 'h' }]);
  });

  it('reads headers from Node’s own parsed ones when served by @hono/node-server', async () => {
    const token = await issuer.accessToken({ data: { id: 'n' } });
    const env = { incoming: { headers: { authorization: `Bearer ${token}` } } };
    expect(await answer(await app.request('/me', {}, env))).toEqual([200, { id: 'n' }]);
  });

  it('answers Flama’s 401 and 400 bodies', async () => {
    expect(await answer(await app.request('/me'))).toEqual([
      401,
      { status_code: 401, detail: 'Unauthorized', error: 'HTTPException' },
    ]);
    expect(await answer(await app.request('/me', { headers: { authorization: 'Basic abc' } }))).toEqual([
      400,
      {
        status_code: 400,
        detail: "Authentication header must be 'Authorization: Bearer <token>'",
        error: 'HTTPException',
      },
    ]);
    expect((await answer(await app.request('/me', bearer('a.b.c'))))[0]).toBe(401);
  });

  it('checks permissions per route, roles included', async () => {
    const user = await issuer.accessToken({ data: { permissions: ['read'] } });
    expect(await answer(await app.request('/admin', bearer(user)))).toEqual([
      403,
      { status_code: 403, detail: 'Insufficient permissions', error: 'HTTPException' },
    ]);
    const admin = await issuer.accessToken({ data: { roles: { staff: ['read', 'admin'] } } });
    expect(await answer(await app.request('/admin', bearer(admin)))).toEqual([200, { admin: true }]);
  });

  it('says how to fix a permission check placed without the token middleware', async () => {
    expect(await answer(await app.request('/broken'))).toEqual([
      500,
      { message: 'requirePermissions() found no access token: use verifyToken(accessTokens) before it.' },
    ]);
  });
});
