// The core benchmark's Flama app with telemetry: `TELEMETRY=hooks` runs Flama's before/after hooks (which
// receive every request's data and drop it), `TELEMETRY=spans` OpenTelemetry's request and validation spans
// (no SDK installed: what an app pays for tracing it doesn't export).
import { serve } from '@hono/node-server';
import { Flama, telemetry, tracing, validationSpans } from 'flama';
import { announce } from './announce';
import { HELLO } from './greeting';

const kind = process.env.TELEMETRY;
const app = new Flama({
  title: 'Bench',
  version: '1.0.0',
  docs: '/docs/',
  schema: '/schema/',
  ...(kind === 'hooks' && { middleware: [telemetry({ before: () => undefined, after: () => undefined })] }),
  ...(kind === 'spans' && { middleware: [tracing()], instrumentation: validationSpans() }),
});
app.get('/', { name: 'home', summary: 'Returns a warming message', tags: ['Home'] }, () => ({
  message: HELLO.message,
}));

await app.startup();
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
