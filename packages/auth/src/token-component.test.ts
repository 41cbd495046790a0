import { App, testClient } from '@flama/routing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenComponent } from './access-token-component';
import { JWT } from './jwt';
import { RefreshTokenComponent } from './refresh-token-component';
import { TokenIssuer } from './token-issuer';
import { AccessToken, RefreshToken } from './token-types';

const secret = new Uint8Array(16);
const issuer = new TokenIssuer({ secret });
const app = new App({
  components: [new AccessTokenComponent({ secret }), new RefreshTokenComponent({ secret })],
});
app.get('/me/', { inject: { token: AccessToken } }, ({ token }) => token.data);
app.get('/refresh/', { inject: { token: RefreshToken } }, ({ token }) => token.data);

let client: Awaited<ReturnType<typeof testClient>>;
beforeAll(async () => {
  client = await testClient(app);
});
afterAll(() => client.close());

const access = (token: string) => ({ headers: { access_token: `Bearer ${token}` } });

async function answer(response: Response): Promise<[number, unknown]> {
  return [response.status, await response.json()];
}

describe('the access-token component', () => {
  it('reads the token from its header, or from its cookie when the header is absent', async () => {
    const token = await issuer.accessToken({ data: { id: 'a' } });
    expect(await answer(await client.get('/me/', access(token)))).toEqual([200, { id: 'a' }]);
    expect(await answer(await client.get('/me/', { headers: { cookie: `access_token=${token}` } }))).toEqual([
      200,
      { id: 'a' },
    ]);
    expect((await client.get('/me/', { headers: { access_token: `bearer ${token}` } })).status).toBe(200);
  });

  it('answers 401 Unauthorized without a token, with a challenge', async () => {
    const response = await client.get('/me/');
    expect(await answer(response)).toEqual([
      401,
      { status_code: 401, detail: 'Unauthorized', error: 'HTTPException' },
    ]);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 400 to a header that is not `<prefix> <token>`, even with a good cookie', async () => {
    const token = await issuer.accessToken({});
    for (const value of ['Token abc', 'Bearer', `Bearer ${token} extra`, '']) {
      const response = await client.get('/me/', {
        headers: { access_token: value, cookie: `access_token=${token}` },
      });
      expect(await answer(response)).toEqual([
        400,
        {
          status_code: 400,
          detail: "Authentication header must be 'access_token: Bearer <token>'",
          error: 'HTTPException',
        },
      ]);
    }
  });

  it('answers 401 with the reason for refused tokens, never echoing them', async () => {
    const expired = await new JWT({ alg: 'HS256' }, { exp: 1 }).encode(secret);
    const wrongKey = await new JWT({ alg: 'HS256' }, {}).encode('another secret');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`;
    const refresh = await issuer.refreshToken({});
    const cases: [string, string][] = [
      [expired, 'Token expired'],
      [wrongKey, 'Signature verification failed'],
      [unsigned, "Algorithm 'none' is refused: tokens must be signed"],
      ['garbage', 'Token must have three segments: header.payload.signature'],
      [`${'x'.repeat(9000)}`, 'Token is longer than 8192 characters'],
      [refresh, 'A refresh token cannot be used as an access token'],
    ];
    for (const [token, detail] of cases) {
      const response = await client.get('/me/', access(token));
      const body = await response.text();
      expect([response.status, JSON.parse(body).detail]).toEqual([401, detail]);
      expect(body).not.toContain(token.slice(0, 20));
    }
  });
});

describe('the refresh-token component', () => {
  it('reads refresh tokens from the refresh_token header or cookie, and refuses access tokens', async () => {
    const refresh = await issuer.refreshToken({ data: { id: 'r' } });
    const header = { headers: { refresh_token: `Bearer ${refresh}` } };
    expect(await answer(await client.get('/refresh/', header))).toEqual([200, { id: 'r' }]);
    const cookie = { headers: { cookie: `refresh_token=${refresh}` } };
    expect(await answer(await client.get('/refresh/', cookie))).toEqual([200, { id: 'r' }]);
    const accessToken = await issuer.accessToken({});
    const response = await client.get('/refresh/', { headers: { refresh_token: `Bearer ${accessToken}` } });
    expect(await answer(response)).toEqual([
      401,
      { status_code: 401, detail: 'Not a refresh token', error: 'HTTPException' },
    ]);
  });
});

describe('settings', () => {
  it('reads Authorization: Bearer, and no cookie when told so', async () => {
    const local = new App({
      components: [
        new AccessTokenComponent({ secret, header: 'Authorization', cookie: false, clockTolerance: 5 }),
      ],
    });
    local.get('/', { inject: { token: AccessToken } }, ({ token }) => token.data);
    await using localClient = await testClient(local);
    const token = await issuer.accessToken({ data: { id: 'b' } });
    const ok = await localClient.get('/', { headers: { authorization: `Bearer ${token}` } });
    expect(await answer(ok)).toEqual([200, { id: 'b' }]);
    expect((await localClient.get('/', { headers: { cookie: `access_token=${token}` } })).status).toBe(401);
  });

  it('refuses tokens without exp with requireExp, and algorithms outside the allow-list, with 401s', async () => {
    const strict = new App({
      components: [
        new AccessTokenComponent({
          secret,
          header: 'Authorization',
          requireExp: true,
          algorithms: ['HS256'],
        }),
      ],
    });
    strict.get('/', { inject: { token: AccessToken } }, ({ token }) => token.data);
    await using strictClient = await testClient(strict);
    const call = (token: string) => strictClient.get('/', { headers: { authorization: `Bearer ${token}` } });
    const forever = await new JWT({ alg: 'HS256', typ: 'JWT' }, { data: { id: 'c' } }).encode(secret);
    expect(await answer(await call(forever))).toEqual([
      401,
      expect.objectContaining({
        detail: expect.stringContaining('Token has no expiry (exp), which this service requires'),
      }),
    ]);
    const hs512 = await new JWT({ alg: 'HS512', typ: 'JWT' }, { data: { id: 'c' }, exp: 4102444800 }).encode(
      secret,
    );
    expect(await answer(await call(hs512))).toEqual([
      401,
      expect.objectContaining({
        detail: expect.stringContaining("Algorithm 'HS512' is not allowed here (allowed: HS256)"),
      }),
    ]);
    expect((await call(await issuer.accessToken({ data: { id: 'c' } }))).status).toBe(200);
  });

  it('refuses header, prefix and cookie names HTTP cannot carry, when built', () => {
    expect(() => new AccessTokenComponent({ secret, header: 'access token' })).toThrow(
      'The token header "access token" is not a valid name.',
    );
    expect(() => new AccessTokenComponent({ secret, cookie: 'a;b' })).toThrow(TypeError);
    expect(() => new AccessTokenComponent({ secret, prefix: '' })).toThrow(TypeError);
  });
});
