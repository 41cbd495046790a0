// The auth benchmark's Flama app: one route open; the same route requiring a permission that the
// AuthenticationMiddleware checks on an HS256 access token from `Authorization: Bearer`; and a route that
// decodes the token itself with JWT.decode, so that every request pays a full verification (no cache).
import { serve } from '@hono/node-server';
import { AccessTokenComponent, AuthenticationMiddleware, Flama, JWT } from 'flama';
import { announce } from './announce';
import { AUTH_PERMISSION, AUTH_SECRET } from './auth-token';
import { HELLO } from './greeting';

const tokens = new AccessTokenComponent({ secret: AUTH_SECRET, header: 'Authorization' });
const app = new Flama({
  title: 'Bench',
  version: '1.0.0',
  docs: '/docs/',
  schema: '/schema/',
  components: [tokens],
  middleware: [new AuthenticationMiddleware(tokens)],
});
const hello = () => ({ message: HELLO.message });
app.get('/open', { name: 'open' }, hello);
app.get('/protected', { name: 'protected', meta: { permissions: [AUTH_PERMISSION] } }, hello);
const secret = Buffer.from(AUTH_SECRET);
app.get('/verify', { name: 'verify', inject: { headers: Headers } }, async ({ headers }) => {
  await JWT.decode(headers.get('authorization')!.slice('Bearer '.length), secret);
  return hello();
});

await app.startup();
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
