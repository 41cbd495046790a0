import {
  AccessToken,
  type Algorithm,
  ExpiredTokenError,
  InvalidSignatureError,
  JWT,
  type JWTKey,
  jwtAuth,
  RefreshToken,
  UnsupportedAlgorithmError,
} from '@flama/auth';
import { App } from '@flama/routing';
import { check, statusAndJson } from '../check';
import type { Suite } from '../suite';

const secret = 'a secret of the runtime tests';
const NOW = 1_700_000_000;

/** Private keys made for these tests only, as JWKs: no runtime has to generate an RSA key. */
const privateKeys = {
  ES256: {
    kty: 'EC',
    x: 'xN_jgzqb5h8rV_zdC3IiDDQGWEXDlNiq-L9_0tGbQbs',
    y: 'LXOFhruh8iXeRl_VEZxyBscXWJTVTksxc7iJEQs-2bM',
    crv: 'P-256',
    d: 'dEzNHsQOu9LV2GX9ZyF4f_DqIHZ76i5-t0zQMnCwOLE',
  },
  EdDSA: {
    crv: 'Ed25519',
    d: 'X8Wmce4Z1xYkAZ8OoVJlhq6OpIouPxrYuyhbjCaECak',
    x: 'is1ih25vXZJxVC-0yYoBOlTxlQmKaeoCTrZ1S2Ue15o',
    kty: 'OKP',
  },
  RS256: {
    kty: 'RSA',
    n: '0MBl2gLKbPBKk8V2ozLOoF1ixL63qmPw7-AJxDD7LvxtKjjo4b1Kp4b7YrGOsd0cEzkarQzZfQs7NTEK2X3nckYG2R_QLxTrT_W3e5h1qwi1wy0fpep0seYlrAKHl_M1itgc2gqH2voIqK1SRhUF7naiFlWjMKSIpXCpPHuv7AzqbkC_kOW5CW_Wx9-9iaqVAdrMAVHIjhy92fzyeLBUmYZSmSuMTxAQ4rBc11kKrnARmcfdKAOsuDHnFiuWStzVv-vQsk_tIryAl_LEEKsqqJxCE71WQt4oLZ8P2K-w_XmCSyLdEHcOwpjSCvQ8NwTzbABJdspWntauZd6To7Tf1Q',
    e: 'AQAB',
    d: 'GuuM1vIAL89HFspis8YUDmsslwmvPsp3oj-GkuXsJpGH9Gd1ZNMX4wXNulsCd153xeTZ01IyY-VEY-Yoq4aIh9yO-oYXP1MXy255FHfDSOStJ_fUOn3DQcPXvNhwqwBCud6HzfiIr40J-9KqJv6EDs3-thmiG15Efu1J7dJXi_2cx1fd-jsXbzwjRdZ2PM6b9rpTnBWFRlmX__JdOPLzodEFUFcYiMTPBXwApiu2tCEXsBEwtJ2rAz5A__rLarzM9ozYhRwc5itrYYP9eG7Bcc37Sy_lD8sjvZq3X1EMblIQDsTFyhj6W3DoUhDFVdaVbKi8aYqfUq9W2oyP5jIDWw',
    p: '6Y3g8DLNoAqh1DdbpTgtb8f9cM2oUQ0yJZAwsURj-GerrUxQbi4sNsga4Uf7P0Ny3kK1pv52jWPhAYxtPBURgUUJArawrPQoEQVXYBdAHdUVQ4eC5P9yP4NlKOC2dNOSL0ZZ1fKfa0Hzr0C1x4UPm88hUTEyJ8vZXn4t3Og6Lr8',
    q: '5NBM_WvYCxzGZEhH_xQE2oy-61OdTzid8wmOTjg-9EKN_d-xF-xLnk0y1nD9O3t5J5zk9ugRK3qBFNg_YLi7wS6TKzflZzfDajK2E60zUcAdBSVfCntoScDyAisi98GwfLA4KWyqS5JbYsOrDNsn53w2hbRxAZs4RXktkp5IKms',
    dp: 'FpKN0Ok4EmW0qkwHYXqCebE8f3CA-gRqelLrQda4SsPKRd-AToXL5CeG4YsRb1XXfj-4SsGBN70VfA7UZ-ApZvMDIe4COVUHok1_2luk6L01Zudr8TH3GshaOI8vUy83i7Yi7Jica8NeB-wbJYNotMhaEfzNOidrhMRxLk6LgQU',
    dq: 'CjyXdS8B911OMuZY8jx_CxgI4pZXD1hFGL5ws2coydzAZX9AeQWFTIu_noBnk-WuQetvAuzW987_P2N9UmJxY-8lfmV9yeRgxbuHEdJJ3Xpu0fAeFGX5AHO1YAt2AQeVUb7AhHnsFH1zwTNnz6duXZjdB5ZPB_ddyR3mwAx8xgk',
    qi: 'ywBI1sTTYBzYPpvmDPKJRvt88ygIUr4275DtzIRRROY-4GkQde5vQ_rg3yYJ-sm0kuSeTL18QSN6ByNC5hFc5SJuq_avhbq1bWP9TJaKNGrXIFPG8jivxH-G2F8y5PTOSj801q2yaFfjJgNpPcyISxNYSqTNTUJWU_zBVfRuhZE',
  },
};

/** A private JWK's public half. */
function publicKey(jwk: Record<string, string>): JWTKey {
  const { d, p, q, dp, dq, qi, ...half } = jwk;
  return half as JWTKey;
}

const auth = jwtAuth({ secret, access: { header: 'Authorization' } });

function authApp(): App {
  const app = new App({
    title: 'Tokens',
    version: '1.0.0',
    components: auth.components,
    middleware: [auth.middleware],
  });
  app.get('/private/', { meta: { permissions: ['reports.read'] } }, () => ({ secret: 42 }));
  app.get('/me/', { inject: { token: AccessToken } }, ({ token }) => token.data);
  app.post('/refresh/', { inject: { token: RefreshToken } }, async ({ token }) => {
    const pair = await auth.rotation.rotate(token);
    return { token: pair.accessToken, refresh_token: pair.refreshToken };
  });
  return app;
}

/** What a call rejects with, or "resolved". */
async function refusal(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'resolved';
  } catch (error) {
    return (error as Error).name;
  }
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** @flama/auth: HMAC on node:crypto, the asymmetric algorithms through jose, and the middleware on an app. */
export const authSuite: Suite = {
  name: 'auth',
  app: authApp,
  cases: [
    {
      name: 'HS256 round trip, on the node:crypto fast path',
      run: async () => {
        const token = await new JWT({ alg: 'HS256' }, { data: { id: 7 } }).encode(secret, { now: () => NOW });
        check((await JWT.decode(token, secret, { now: () => NOW })).data, { id: 7 }, 'decoded data');
        const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
        check(await refusal(() => JWT.decode(forged, secret)), InvalidSignatureError.name, 'forged');
      },
    },
    {
      name: 'Python Flama’s padded tokens, both ways; exp is checked',
      run: async () => {
        const jwt = new JWT({ alg: 'HS512' }, { data: { permissions: ['a'] }, exp: NOW + 60 });
        const token = await jwt.encode(secret, { format: 'flama', now: () => NOW });
        check(
          token.split('.').every((segment) => segment.length % 4 === 0),
          true,
          'padded segments',
        );
        check((await JWT.decode(token, secret, { now: () => NOW })).data, { permissions: ['a'] }, 'decoded');
        check(
          await refusal(() => JWT.decode(token, secret, { now: () => NOW + 61 })),
          ExpiredTokenError.name,
          'expired',
        );
      },
    },
    {
      name: 'ES256, EdDSA and RS256 through jose, with JWKs; a key takes only its own algorithm',
      run: async () => {
        for (const [alg, jwk] of Object.entries(privateKeys) as [Algorithm, Record<string, string>][]) {
          const token = await new JWT({ alg }, { data: { alg } }).encode(jwk as JWTKey);
          check((await JWT.decode(token, publicKey(jwk))).data, { alg }, `${alg} round trip`);
        }
        const hmac = await new JWT({ alg: 'HS256' }, { data: {} }).encode(secret);
        const confused = await refusal(() => JWT.decode(hmac, publicKey(privateKeys.ES256)));
        check(confused, UnsupportedAlgorithmError.name, 'an HMAC token against a public key');
      },
    },
    {
      name: 'the middleware: 401 without a token, 403 without the permission, 200 with it',
      run: async (send) => {
        check((await send('/private/')).status, 401, 'no token');
        const reader = await auth.issuer.issue({ data: { permissions: ['other'] } });
        const forbidden = await send('/private/', bearer(reader.accessToken));
        check(
          await statusAndJson(forbidden),
          [403, { status_code: 403, detail: 'Insufficient permissions', error: 'HTTPException' }],
          'wrong permission',
        );
        const allowed = await auth.issuer.issue({ data: { roles: { analyst: ['reports.read'] } } });
        check(
          await statusAndJson(await send('/private/', bearer(allowed.accessToken))),
          [200, { secret: 42 }],
          'allowed',
        );
        check((await send('/me/', bearer(allowed.accessToken))).status, 200, 'any valid token');
      },
    },
    {
      name: 'refresh tokens rotate once',
      run: async (send) => {
        const pair = await auth.issuer.issue({ data: { permissions: [] } });
        const refresh = { headers: { refresh_token: `Bearer ${pair.refreshToken}` }, method: 'POST' };
        check((await send('/refresh/', refresh)).status, 200, 'first use');
        check((await send('/refresh/', refresh)).status, 401, 'second use');
      },
    },
  ],
};
