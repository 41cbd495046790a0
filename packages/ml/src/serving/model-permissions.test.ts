import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, routeOf, testClient } from '@flama/routing';
import type { MiddlewareHandler } from 'hono';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dump } from '../model/dump';
import { linearRegressor } from '../testing/models';
import { modelResource } from './model-resource';
import { ModelsModule } from './models-module';

/** Reads the matched route's `meta.permissions`, as @flama/auth's AuthenticationMiddleware does. */
const guard: MiddlewareHandler = async (c, next) => {
  const required = routeOf(c)?.meta?.permissions ?? [];
  if (required.length === 0 || c.req.header('x-permissions') === required.join(',')) return next();
  return c.json({ status_code: 401, detail: 'Unauthorized', error: 'HTTPException' }, 401);
};

let dir: string;
let client: Awaited<ReturnType<typeof testClient>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flama-permissions-'));
  await dump(linearRegressor(), join(dir, 'model.flm'));
  const app = new App({ title: 'Guarded', middleware: [guard], log: () => undefined });
  const models = new ModelsModule(app, { oip: true });
  app.addModule(models);
  const resource = modelResource({
    name: 'churn',
    model: join(dir, 'model.flm'),
    meta: { permissions: ['churn:use'] },
  });
  resource.post('/double/', { name: 'double' }, async ({ model }) =>
    (await model.predict([[1, 1, 1]])).map(Number),
  );
  models.addModelResource('/churn/', resource);
  client = await testClient(app);
});
afterAll(async () => {
  await client.close();
  await rm(dir, { recursive: true, force: true });
});

const row = { input: [[1, 1, 1]] };
const oipBody = { inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [1, 1, 1] }] };
const routes: [string, string, unknown?][] = [
  ['GET', '/churn/'],
  ['POST', '/churn/predict/', row],
  ['POST', '/churn/stream/', { input: [[1, 1, 1]] }],
  ['GET', '/churn/ws/'],
  ['POST', '/churn/double/'],
  ['GET', '/v2/models/churn'],
  ['GET', '/v2/models/churn/ready'],
  ['POST', '/v2/models/churn/infer', oipBody],
  ['POST', '/v2/models/churn/versions/1/infer', oipBody],
];

it.each(routes)(
  'a model resource’s permissions guard %s %s, its protocol routes included',
  async (method, path, json) => {
    const denied = await client.request(path, { method, ...(json !== undefined && { json }) });
    expect(denied.status).toBe(401);
    const allowed = await client.request(path, {
      method,
      headers: { 'x-permissions': 'churn:use' },
      ...(json !== undefined && { json }),
    });
    expect(allowed.status).toBe(path.endsWith('/ws/') ? 426 : 200);
  },
);

it('an unknown model is still OIP’s 404, and the server routes stay open', async () => {
  const unknown = await client.post('/v2/models/other/infer', { json: oipBody });
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toEqual({ error: "Unknown model 'other'; this server serves churn" });
  expect((await client.get('/v2/health/ready')).status).toBe(200);
});
