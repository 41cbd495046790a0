import { App, testClient } from '@flama/routing';
import { expect, it } from 'vitest';
import { jwtAuth } from './jwt-auth';
import { AccessToken, RefreshToken } from './token-types';

it('wires components, middleware, issuer and rotation from one secret', async () => {
  const auth = jwtAuth({
    secret: 'one secret for everything',
    access: { header: 'Authorization', requireExp: true },
  });
  const app = new App({ components: auth.components, middleware: [auth.middleware] });
  app.get(
    '/private/',
    { meta: { permissions: ['read'] }, inject: { token: AccessToken } },
    ({ token }) => token.data,
  );
  await using client = await testClient(app);
  const { accessToken, refreshToken } = await auth.issuer.issue({ data: { permissions: ['read'] } });
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  expect((await client.get('/private/')).status).toBe(401);
  const allowed = await client.get('/private/', bearer(accessToken));
  expect([allowed.status, await allowed.json()]).toEqual([200, { permissions: ['read'] }]);
  const denied = await auth.issuer.issue({ data: { permissions: [] } });
  expect((await client.get('/private/', bearer(denied.accessToken))).status).toBe(403);
  const rotated = await auth.rotation.rotate(
    await RefreshToken.decode(refreshToken, 'one secret for everything'),
  );
  expect((await client.get('/private/', bearer(rotated.accessToken))).status).toBe(200);
});

it('gives a middleware that finds the access-token component among the app’s components', async () => {
  const auth = jwtAuth({ secret: 'one secret' });
  const without = new App({ title: 'Forgetful', middleware: [auth.middleware] });
  await expect(without.startup()).rejects.toThrow('AuthenticationMiddleware needs AccessToken');
  const app = new App({ components: auth.components, middleware: [auth.middleware] });
  app.get('/private/', { meta: { permissions: ['read'] } }, () => 'secret');
  await using client = await testClient(app);
  const { accessToken } = await auth.issuer.issue({ data: { permissions: ['read'] } });
  expect((await client.get('/private/', { headers: { access_token: `Bearer ${accessToken}` } })).status).toBe(
    200,
  );
});
