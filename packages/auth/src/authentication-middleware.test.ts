import { App, resource, testClient } from '@flama/routing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenComponent } from './access-token-component';
import { AuthenticationMiddleware } from './authentication-middleware';
import { JWT } from './jwt';
import { AccessToken } from './token-types';

const secret = new Uint8Array(16);
let decodes = 0;
const tokens = new AccessTokenComponent({
  secret,
  now: () => {
    decodes++;
    return Date.now() / 1000;
  },
});

/** Tokens published in Python Flama's middleware tests (Flama 1.x format), for `uuid.UUID(int=0).bytes`. */
const flamaTokens = {
  permission:
    'eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJkYXRhIjogeyJwZXJtaXNzaW9ucyI6IFsiZmxhbWEudGVzdC5hdXRoIl19LCAiaWF0IjogMTY5ODQxMjkzMX0=.NLhM8r2g1I_oHG0zAAsRqDAuwPVvzI95Lnz2K7uupmo=',
  role: 'eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJkYXRhIjogeyJyb2xlcyI6IHsiZm9vIjogWyJmbGFtYS50ZXN0LmF1dGgiXX19LCAiaWF0IjogMTY5ODQxMjI5OH0=.WK2PwipkiLATHsKwIsiljS_31h0-T6U0hZzoI62Skiw=',
  empty:
    'eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJkYXRhIjoge30sICJpYXQiOiAxNjk4NDEzMDg3fQ==.xPwYcCE0Tq6UxVbhWRGqT8vRliJxHAqHs12X0oHE1Vg=',
};

const required = { permissions: ['flama.test.auth'] };
const app = new App({
  title: 'Guarded',
  version: '1.0.0',
  components: [tokens],
  middleware: [new AuthenticationMiddleware(tokens, { ignored: ['/ignored.*'] })],
});
app.get('/no-auth/', { name: 'open' }, () => ({ foo: 'no-auth' }));
app.get('/auth/', { name: 'guarded', meta: required }, () => ({ foo: 'auth' }));
app.get('/ignored/', { name: 'ignored', meta: required }, () => ({ foo: 'ignored' }));
app.get(
  '/whoami/',
  { name: 'whoami', meta: required, inject: { token: AccessToken } },
  ({ token }) => token.data,
);
app.get('/mine/', { name: 'mine', inject: { token: AccessToken } }, ({ token }) => token.data);
const Items = resource({ name: 'item' })
  .get('/', { name: 'list' }, () => ['a'])
  .delete(
    '/{id}/',
    { name: 'delete', meta: { permissions: ['items.delete'] }, status: 204 },
    () => undefined,
  );
app.resources.addResource('/items', Items);
const child = new App();
child.get('/secret/', { name: 'secret', meta: required }, () => ({ foo: 'mounted' }));
app.mount('/child', child);

let client: Awaited<ReturnType<typeof testClient>>;
beforeAll(async () => {
  client = await testClient(app);
});
afterAll(() => client.close());

const withToken = (token: string) => ({ headers: { access_token: `Bearer ${token}` } });
const withCookie = (token: string) => ({ headers: { cookie: `access_token=${token}` } });

async function answer(response: Response): Promise<[number, unknown]> {
  const text = await response.text();
  return [response.status, text ? JSON.parse(text) : null];
}

describe('AuthenticationMiddleware', () => {
  it('lets Flama’s own tokens through by permission or role, by header or cookie', async () => {
    for (const token of [flamaTokens.permission, flamaTokens.role]) {
      expect(await answer(await client.get('/auth/', withToken(token)))).toEqual([200, { foo: 'auth' }]);
      expect(await answer(await client.get('/auth/', withCookie(token)))).toEqual([200, { foo: 'auth' }]);
    }
  });

  it('answers 403 to a token lacking the permission, and 401 without a token', async () => {
    expect(await answer(await client.get('/auth/', withToken(flamaTokens.empty)))).toEqual([
      403,
      { status_code: 403, detail: 'Insufficient permissions', error: 'HTTPException' },
    ]);
    expect(await answer(await client.get('/auth/'))).toEqual([
      401,
      { status_code: 401, detail: 'Unauthorized', error: 'HTTPException' },
    ]);
    const expired = await new JWT({ alg: 'HS256' }, { exp: 1, data: required }).encode(secret);
    expect(await answer(await client.get('/auth/', withToken(expired)))).toEqual([
      401,
      { status_code: 401, detail: 'Token expired', error: 'HTTPException' },
    ]);
    expect((await client.get('/auth/', { headers: { access_token: 'nonsense' } })).status).toBe(400);
  });

  it('passes routes without requirements and ignored paths, token or not', async () => {
    expect(await answer(await client.get('/no-auth/'))).toEqual([200, { foo: 'no-auth' }]);
    expect(await answer(await client.get('/no-auth/', withToken('garbage')))).toEqual([
      200,
      { foo: 'no-auth' },
    ]);
    expect(await answer(await client.get('/ignored/'))).toEqual([200, { foo: 'ignored' }]);
  });

  it('keeps 404 and 405 for unknown routes and methods', async () => {
    expect((await answer(await client.get('/not-found/')))[0]).toBe(404);
    const wrongMethod = await client.post('/auth/');
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('guards resource methods and mounted apps', async () => {
    expect((await client.get('/items/')).status).toBe(200);
    expect((await client.delete('/items/1/', withToken(flamaTokens.permission))).status).toBe(403);
    const deleter = await new JWT({ alg: 'HS256' }, { data: { permissions: ['items.delete'] } }).encode(
      secret,
    );
    expect((await client.delete('/items/1/', withToken(deleter))).status).toBe(204);
    expect((await client.get('/child/secret/')).status).toBe(401);
    expect(await answer(await client.get('/child/secret/', withToken(flamaTokens.role)))).toEqual([
      200,
      { foo: 'mounted' },
    ]);
  });

  it('verifies the token once when the route also injects it', async () => {
    decodes = 0;
    const response = await client.get('/whoami/', withToken(flamaTokens.permission));
    expect([await response.json(), decodes]).toEqual([{ permissions: ['flama.test.auth'] }, 1]);
  });
});

describe('the OpenAPI document', () => {
  it('declares the schemes and secures exactly the protected operations', async () => {
    const document = (await (await client.get('/schema/')).json()) as {
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
      components: { securitySchemes: unknown };
    };
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(document.components.securitySchemes).toEqual({
      accessToken: {
        type: 'apiKey',
        in: 'header',
        name: 'access_token',
        description: 'The header value is `Bearer <token>`.',
      },
      accessTokenCookie: { type: 'apiKey', in: 'cookie', name: 'access_token' },
    });
    const security = [{ accessToken: [] }, { accessTokenCookie: [] }];
    const { paths } = document;
    for (const [path, method] of [
      ['/auth/', 'get'],
      ['/whoami/', 'get'],
      ['/mine/', 'get'],
      ['/items/{id}/', 'delete'],
    ] as const) {
      expect(paths[path]?.[method]?.security).toEqual(security);
      expect(Object.keys(paths[path]?.[method]?.responses ?? {})).toContain('401');
    }
    expect(Object.keys(paths['/auth/']?.get?.responses ?? {})).toEqual(['200', '401', '403']);
    expect(Object.keys(paths['/mine/']?.get?.responses ?? {})).toEqual(['200', '401']);
    for (const path of ['/no-auth/', '/ignored/', '/items/'])
      expect(paths[path]?.get?.security).toBeUndefined();
  });
});

describe('AuthenticationMiddleware finding the token component through the app’s injection', () => {
  const appSecret = 'the app’s own secret';
  let verified = 0;
  const accessTokens = new AccessTokenComponent({
    secret: appSecret,
    header: 'Authorization',
    now: () => {
      verified++;
      return Date.now() / 1000;
    },
  });
  const parent = new App({ title: 'Injected', components: [accessTokens] });
  const guarded = new App({ middleware: [new AuthenticationMiddleware({ ignored: ['/api/open-too/'] })] });
  guarded.get('/reports/', { meta: required }, () => ({ reports: [] }));
  guarded.get('/open-too/', { meta: required }, () => ({ open: true }));
  guarded.get('/whoami/', { meta: required, inject: { token: AccessToken } }, ({ token }) => token.data);
  parent.mount('/api', guarded);
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const sign = (payload: Record<string, unknown>, key: string = appSecret) =>
    new JWT({ alg: 'HS256' }, payload).encode(key);

  it('answers 401 to missing, forged and expired tokens and lets valid ones through', async () => {
    await using client = await testClient(parent);
    expect(await answer(await client.get('/api/reports/'))).toEqual([
      401,
      { status_code: 401, detail: 'Unauthorized', error: 'HTTPException' },
    ]);
    const forged = await sign({ data: required }, 'somebody else’s secret');
    expect(await answer(await client.get('/api/reports/', bearer(forged)))).toEqual([
      401,
      { status_code: 401, detail: 'Signature verification failed', error: 'HTTPException' },
    ]);
    const expired = await sign({ exp: 1, data: required });
    expect(await answer(await client.get('/api/reports/', bearer(expired)))).toEqual([
      401,
      { status_code: 401, detail: 'Token expired', error: 'HTTPException' },
    ]);
    const lacking = await sign({ data: { permissions: [] } });
    expect((await client.get('/api/reports/', bearer(lacking))).status).toBe(403);
    const valid = await sign({ data: required });
    expect(await answer(await client.get('/api/reports/', bearer(valid)))).toEqual([200, { reports: [] }]);
    expect((await client.get('/api/open-too/')).status).toBe(200);
  });

  it('shares the verified token with a handler that injects it', async () => {
    await using client = await testClient(parent);
    const valid = await sign({ data: required, jti: 'once' });
    verified = 0;
    const response = await client.get('/api/whoami/', bearer(valid));
    expect([await response.json(), verified]).toEqual([required, 1]);
  });

  it('documents the security of the component it finds', async () => {
    const document = parent.openapi() as {
      paths: Record<string, { get: { security?: unknown; responses: Record<string, unknown> } }>;
      components: { securitySchemes: unknown };
    };
    expect(document.components.securitySchemes).toEqual({
      accessToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      accessTokenCookie: { type: 'apiKey', in: 'cookie', name: 'access_token' },
    });
    const reports = document.paths['/api/reports/']?.get;
    expect(reports?.security).toEqual([{ accessToken: [] }, { accessTokenCookie: [] }]);
    expect(Object.keys(reports?.responses ?? {})).toEqual(['200', '401', '403']);
    expect(document.paths['/api/open-too/']?.get.security).toBeUndefined();
  });

  it('fails at startup in an app without an access-token component', async () => {
    const bare = new App({ title: 'Bare', middleware: [new AuthenticationMiddleware()] });
    await expect(bare.startup()).rejects.toThrow(
      'Bare failed to start: AuthenticationMiddleware needs AccessToken, but no component provides it.',
    );
  });
});
