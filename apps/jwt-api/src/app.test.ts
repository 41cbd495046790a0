import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JWT } from '@flama/auth';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const bin = join(appDir, 'node_modules', '.bin', 'flama');
const tutorialSecret = new Uint8Array(16);
const userId = '497f6eca-6276-4993-bfeb-53cbbbba6f08';
const servers: ChildProcess[] = [];

interface Served {
  url: string;
  output: () => string;
}

/** Serves the app the way its README does (`flama run src/app.ts`), on a free port, with this environment. */
function serve(env: Record<string, string | undefined>): Promise<Served> {
  const { JWT_SECRET: _secret, NODE_ENV: _mode, ...inherited } = process.env;
  const server = spawn(bin, ['run', 'src/app.ts', '--server-port', '0'], {
    cwd: appDir,
    stdio: 'pipe',
    env: { ...inherited, ...env },
  });
  servers.push(server);
  let output = '';
  return new Promise((resolve, reject) => {
    server.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, output: () => output });
    });
    server.stderr?.on('data', (chunk) => (output += chunk));
    server.on('exit', (code) => reject(new Error(`flama run exited with ${code}:\n${output}`)));
  });
}

afterAll(() => {
  for (const server of servers) server.kill('SIGTERM');
});

async function answer(response: Response): Promise<[number, unknown]> {
  return [response.status, await response.json()];
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const info = { title: 'JWT-protected API', description: 'JWT Authentication with Flama 🔥' };

describe('the README’s session, over HTTP', () => {
  let url: string;
  let output: () => string;

  beforeAll(async () => {
    ({ url, output } = await serve({}));
  });

  it('warns loudly when it runs on the tutorial’s secret', () => {
    expect(output()).toContain('WARNING: JWT_SECRET is not set.');
  });

  it('serves the public route to anyone and the private one to no one without a token', async () => {
    expect(await answer(await fetch(`${url}/public/info/`))).toEqual([200, { ...info, public: true }]);
    expect(await answer(await fetch(`${url}/private/info/`))).toEqual([
      401,
      { status_code: 401, detail: 'Unauthorized', error: 'HTTPException' },
    ]);
  });

  it('signs in, then serves the private route with the token, by header or cookie', async () => {
    const response = await fetch(`${url}/auth/`, json({ id: userId, password: 'string' }));
    const body = (await response.json()) as { id: string; token: string; refresh_token: string };
    expect([response.status, body.id]).toEqual([200, userId]);
    const token = await JWT.decode(body.token, tutorialSecret);
    expect(token.payload).toEqual({
      iss: 'vortico',
      data: { id: userId, permissions: ['my-permission-name'] },
      iat: expect.any(Number),
      exp: token.iat! + 300,
      jti: expect.any(String),
    });
    const cookies = response.headers.getSetCookie();
    expect(cookies).toEqual([
      `access_token=${body.token}; Max-Age=300; Path=/; HttpOnly; Secure; SameSite=Lax`,
      `refresh_token=${body.refresh_token}; Max-Age=2592000; Path=/auth/refresh/; HttpOnly; Secure; SameSite=Lax`,
    ]);
    const privately = { ...info, public: false };
    expect(await answer(await fetch(`${url}/private/info/`, bearer(body.token)))).toEqual([200, privately]);
    const cookie = { headers: { cookie: `access_token=${body.token}` } };
    expect(await answer(await fetch(`${url}/private/info/`, cookie))).toEqual([200, privately]);
  });

  it('answers 403 to a token without the permission, 400 to a malformed header, 401 to a bad token', async () => {
    const lacking = await new JWT({ alg: 'HS256' }, { data: { permissions: [] } }).encode(tutorialSecret);
    expect(await answer(await fetch(`${url}/private/info/`, bearer(lacking)))).toEqual([
      403,
      { status_code: 403, detail: 'Insufficient permissions', error: 'HTTPException' },
    ]);
    const malformed = { headers: { authorization: 'Token abc' } };
    expect((await answer(await fetch(`${url}/private/info/`, malformed)))[1]).toEqual({
      status_code: 400,
      detail: "Authentication header must be 'Authorization: Bearer <token>'",
      error: 'HTTPException',
    });
    const expired = await new JWT({ alg: 'HS256' }, { exp: 1 }).encode(tutorialSecret);
    expect((await answer(await fetch(`${url}/private/info/`, bearer(expired))))[0]).toBe(401);
  });

  it('accepts tokens in Python Flama’s padded format', async () => {
    const data = { permissions: ['my-permission-name'] };
    const padded = await new JWT({ alg: 'HS256' }, { data }).encode(tutorialSecret, { format: 'flama' });
    expect(padded).toContain('=');
    expect((await fetch(`${url}/private/info/`, bearer(padded))).status).toBe(200);
  });

  it('rotates refresh tokens from the body or the cookie, each one working once', async () => {
    const signin = (await (await fetch(`${url}/auth/`, json({ id: userId }))).json()) as {
      refresh_token: string;
    };
    const refreshed = await fetch(`${url}/auth/refresh/`, json({ refresh_token: signin.refresh_token }));
    const pair = (await refreshed.json()) as { token: string; refresh_token: string };
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.getSetCookie()).toHaveLength(2);
    expect((await fetch(`${url}/private/info/`, bearer(pair.token))).status).toBe(200);
    expect(
      await answer(await fetch(`${url}/auth/refresh/`, json({ refresh_token: signin.refresh_token }))),
    ).toEqual([401, { status_code: 401, detail: 'Token has been revoked', error: 'HTTPException' }]);
    const byCookie = { method: 'POST', headers: { cookie: `refresh_token=${pair.refresh_token}` } };
    const again = await fetch(`${url}/auth/refresh/`, byCookie);
    expect(again.status).toBe(200);
    expect((await fetch(`${url}/auth/refresh/`, byCookie)).status).toBe(401);
    const access = (await again.json()) as { token: string };
    expect(await answer(await fetch(`${url}/auth/refresh/`, json({ refresh_token: access.token })))).toEqual([
      401,
      { status_code: 401, detail: 'Not a refresh token', error: 'HTTPException' },
    ]);
    expect((await fetch(`${url}/auth/refresh/`, { method: 'POST' })).status).toBe(401);
  });

  it('refuses a sign-in without a valid id', async () => {
    expect(await answer(await fetch(`${url}/auth/`, json({ id: 'nope' })))).toEqual([
      400,
      { status_code: 400, detail: { id: ['Invalid UUID'] }, error: 'ValidationError' },
    ]);
  });

  it('documents the protected route’s security in a valid OpenAPI document', async () => {
    const document = (await (await fetch(`${url}/schema/`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: unknown };
    };
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(document.components.securitySchemes).toEqual({
      accessToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      accessTokenCookie: { type: 'apiKey', in: 'cookie', name: 'access_token' },
    });
    expect(document.paths['/private/info/']?.get?.security).toEqual([
      { accessToken: [] },
      { accessTokenCookie: [] },
    ]);
    expect(document.paths['/public/info/']?.get?.security).toBeUndefined();
  });
});

describe('the secret', () => {
  it('comes from JWT_SECRET: tokens signed with another secret are refused', async () => {
    const { url, output } = await serve({ JWT_SECRET: 'a real secret, long and random in real life' });
    expect(output()).not.toContain('WARNING');
    const data = { permissions: ['my-permission-name'] };
    const forged = await new JWT({ alg: 'HS256' }, { data }).encode(tutorialSecret);
    expect(await answer(await fetch(`${url}/private/info/`, bearer(forged)))).toEqual([
      401,
      { status_code: 401, detail: 'Signature verification failed', error: 'HTTPException' },
    ]);
  });

  it('must be set in production', async () => {
    const failure = await serve({ NODE_ENV: 'production' }).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toContain(
      'JWT_SECRET is not set: refusing to start in production without a real secret.',
    );
  });
});
