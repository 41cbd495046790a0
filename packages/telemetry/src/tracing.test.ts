import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, ModelsModule } from '@flama/ml';
import { doubler } from '@flama/ml/testing';
import { App, testClient } from '@flama/routing';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { inferenceSpans, tracing, validationSpans } from './tracing';

const exporter = new InMemorySpanExporter();
let dir: string;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
  dir = await mkdtemp(join(tmpdir(), 'flama-tracing-'));
  await dump(doubler(), join(dir, 'doubler.flm'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('makes a server span per request, and under it a span for each inference with the model and batch size', async () => {
  const app = new App({ title: 'Traced', middleware: [tracing()], log: () => undefined });
  const models = new ModelsModule(app, { threads: 1 });
  app.addModule(models);
  models.addModel('/doubler/', join(dir, 'doubler.flm'), 'doubler');
  models.observe(inferenceSpans());
  app.get('/fail/', () => {
    throw new Error('no');
  });
  const client = await testClient(app);
  expect((await client.post('/doubler/predict/', { json: { input: [[1], [2]] } })).status).toBe(200);
  expect((await client.get('/fail/')).status).toBe(500);
  await client.close();

  const spans = exporter.getFinishedSpans();
  const request = spans.find((span) => span.name === 'POST /doubler/predict/')!;
  expect(request.attributes).toMatchObject({
    'http.request.method': 'POST',
    'http.route': '/doubler/predict/',
    'http.response.status_code': 200,
  });
  const inference = spans.find((span) => span.name === 'inference doubler')!;
  expect(inference.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
  expect(inference.spanContext().traceId).toBe(request.spanContext().traceId);
  expect(inference.attributes).toMatchObject({ 'flama.model': 'doubler', 'flama.model.rows': 2 });
  const failed = spans.find((span) => span.name === 'GET /fail/')!;
  expect(failed.status.code).toBe(2);
});

it('adds a span per validated part under the request span, failed when the input is refused', async () => {
  exporter.reset();
  const app = new App({ title: 'Validated', middleware: [tracing()], instrumentation: validationSpans() });
  app.post('/users/{id:int}/', { body: z.object({ name: z.string() }) }, ({ params, body }) => ({
    ...params,
    ...body,
  }));
  const client = await testClient(app);
  expect((await client.post('/users/1/', { json: { name: 'Ada' } })).status).toBe(200);
  expect((await client.post('/users/2/', { json: { name: 7 } })).status).toBe(400);
  await client.close();
  const spans = exporter.getFinishedSpans();
  const requests = spans.filter((span) => span.name === 'POST /users/{id:int}/');
  const bodies = spans.filter((span) => span.name === 'validate body');
  expect(bodies).toHaveLength(2);
  expect(bodies.map((span) => span.parentSpanContext?.spanId)).toEqual(
    requests.map((span) => span.spanContext().spanId),
  );
  expect(bodies.map((span) => span.status.code)).toEqual([0, 2]);
  expect(spans.filter((span) => span.name === 'validate params')).toHaveLength(2);
});
