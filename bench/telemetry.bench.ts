import { defineBenchmark } from './lib/benchmark';
import { type LoadSpec, measureInterleaved, type ServerResult } from './lib/load';
import { printNoise, printRatios, printTable, ratio } from './lib/report';
import { HELLO } from './servers/greeting';

const body = JSON.stringify(HELLO);
const entry = new URL('./servers/telemetry.ts', import.meta.url);
const servers: LoadSpec[] = [
  { name: 'flama', entry, path: '/', expectBody: body },
  { name: 'telemetry:hooks', entry, path: '/', expectBody: body, env: { TELEMETRY: 'hooks' } },
  { name: 'telemetry:spans', entry, path: '/', expectBody: body, env: { TELEMETRY: 'spans' } },
];

export default defineBenchmark({
  name: 'telemetry',
  servers,
  description:
    'The cost of @flama/telemetry on one route: Flama’s before/after hooks (every request’s data built and handed over), and OpenTelemetry request and validation spans without an SDK, against the same app without them.',
  async run({ settings, cpus, log }) {
    const results = await measureInterleaved(servers, settings, cpus, log);
    const [plain, hooks, spans] = servers.map((spec) => results.find((r) => r.name === spec.name)!) as [
      ServerResult,
      ServerResult,
      ServerResult,
    ];
    log('');
    printTable(results, log);
    printNoise(results, log);
    const ratios = [ratio('hooks/flama', hooks, plain), ratio('spans/flama', spans, plain)];
    log('');
    printRatios(ratios, log);
    return { servers: results, ratios };
  },
});
