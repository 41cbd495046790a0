import { defineBenchmark } from './lib/benchmark';
import { type LoadSpec, measureInterleaved, type ServerResult } from './lib/load';
import { printNoise, printRatios, printTable, ratio } from './lib/report';
import { authHeaders } from './servers/auth-token';
import { HELLO } from './servers/greeting';

const body = JSON.stringify(HELLO);
const server = (file: string) => new URL(`./servers/${file}`, import.meta.url);
const headers = await authHeaders();

/**
 * Every request carries the same token, as a client's requests do until it expires: the open route ignores it,
 * the protected one has the middleware check it (a token seen before is recognised by its text), and `verify`
 * decodes it with JWT.decode on every request (HMAC and parsing each time).
 */
const servers: LoadSpec[] = [
  { name: 'flama', entry: server('flama.ts'), path: '/', headers, expectBody: body },
  { name: 'auth:open', entry: server('auth.ts'), path: '/open', headers, expectBody: body },
  { name: 'auth:protected', entry: server('auth.ts'), path: '/protected', headers, expectBody: body },
  { name: 'auth:verify', entry: server('auth.ts'), path: '/verify', headers, expectBody: body },
];

export default defineBenchmark({
  name: 'auth',
  servers,
  description:
    'A route guarded by AuthenticationMiddleware (HS256 token in Authorization: Bearer, one permission) and one decoding the token on every request, against the same route open in the same app; the open route against a Flama app without auth.',
  async run({ settings, cpus, log }) {
    log(
      `${servers.length} servers × ${settings.rounds} rounds, wrk -t1 -c${settings.connections} -d${settings.seconds}s after a ${settings.warmup}s warm-up; ` +
        (cpus.pinned ? 'wrk on core 0, servers on core 1 (taskset)' : `not pinned (${cpus.cores} cores)`),
    );
    const results = await measureInterleaved(servers, settings, cpus, log);
    const [plain, open, protectedRoute, verify] = servers.map(
      (spec) => results.find((r) => r.name === spec.name)!,
    ) as [ServerResult, ServerResult, ServerResult, ServerResult];
    log('');
    printTable(results, log);
    printNoise(results, log);
    const ratios = [
      ratio('protected/open', protectedRoute, open, 0.75),
      ratio('verify/open', verify, open),
      ratio('open/flama', open, plain),
    ];
    log('');
    printRatios(ratios, log);
    return { servers: results, ratios };
  },
});
