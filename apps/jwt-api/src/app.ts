import { jwtAuth, setTokenCookies } from '@flama/auth';
import { Context, Flama, z } from 'flama';
import { jwtSecret } from './secret';

// As in the tutorial: `Authorization: Bearer <token>`, else the `access_token` cookie.
const auth = jwtAuth({
  secret: jwtSecret(),
  access: { header: 'Authorization', cookie: 'access_token' },
  issue: { accessTokenTTL: 300, refreshTokenTTL: 2_592_000 },
});
const { issuer, rotation, refreshTokens } = auth;
// The refresh cookie goes only to the refresh route, not with every request.
const cookies = { refreshPath: '/auth/refresh/' };

export const app = new Flama({
  title: 'JWT-protected API',
  version: '1.0.0',
  description: 'JWT Authentication with Flama 🔥',
  docs: '/docs/',
  health: true,
  components: auth.components,
  middleware: [auth.middleware],
});

const Info = z
  .object({ title: z.string(), description: z.string(), public: z.boolean() })
  .meta({ id: 'Info' });
const info = (isPublic: boolean) => ({
  title: app.title,
  description: app.description ?? '',
  public: isPublic,
});

app.get(
  '/public/info/',
  { name: 'public-info', summary: 'Info', description: 'Open to anyone', tags: ['Public'], response: Info },
  () => info(true),
);

app.get(
  '/private/info/',
  {
    name: 'private-info',
    summary: 'Private info',
    description: 'Needs a token with the permission `my-permission-name`',
    tags: ['Private'],
    meta: { permissions: ['my-permission-name'] },
    response: Info,
  },
  () => info(false),
);

const User = z.object({ id: z.uuid(), password: z.string().optional() }).meta({ id: 'User' });
const UserToken = z
  .object({ id: z.uuid(), token: z.string(), refresh_token: z.string() })
  .meta({ id: 'UserToken' });

app.post(
  '/auth/',
  {
    name: 'signin',
    summary: 'Authenticate',
    description: 'Returns tokens to access protected endpoints, also set as cookies',
    tags: ['Public'],
    body: User,
    response: UserToken,
    inject: { c: Context },
  },
  async ({ body, c }) => {
    // Like the tutorial, this checks no password: a real app must verify one here (see the README).
    const data = { id: body.id, permissions: ['my-permission-name'] };
    const pair = await issuer.issue({ iss: 'vortico', data });
    setTokenCookies(c, pair, cookies);
    return { id: body.id, token: pair.accessToken, refresh_token: pair.refreshToken };
  },
);

const RefreshRequest = z.object({ refresh_token: z.string().optional() }).meta({ id: 'RefreshRequest' });
const Tokens = z.object({ token: z.string(), refresh_token: z.string() }).meta({ id: 'Tokens' });

app.post(
  '/auth/refresh/',
  {
    name: 'refresh',
    summary: 'Refresh',
    description:
      'Exchanges a refresh token (in the body, or the `refresh_token` cookie) for new tokens; each refresh token works once',
    tags: ['Public'],
    body: RefreshRequest.optional(),
    response: Tokens,
    inject: { c: Context },
  },
  async ({ body, c }) => {
    const used = body?.refresh_token
      ? await refreshTokens.verify(body.refresh_token)
      : await refreshTokens.read(c);
    const pair = await rotation.rotate(used);
    setTokenCookies(c, pair, cookies);
    return { token: pair.accessToken, refresh_token: pair.refreshToken };
  },
);
