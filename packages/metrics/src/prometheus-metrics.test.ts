import { App, testClient } from '@flama/routing';
import { Hono } from 'hono';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { PrometheusMetrics } from './prometheus-metrics';

/** The value of one series in Prometheus' text format, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function appWithMetrics() {
  const metrics = new PrometheusMetrics({ registry: new Registry(), processMetrics: false });
  const app = new App({ title: 'Measured', middleware: [metrics.middleware], log: () => undefined });
  app.get('/users/{id:int}/', ({ params }) => ({ id: params.id }));
  app.get('/boom/', () => {
    throw new Error('boom');
  });
  return { app, metrics };
}

describe('HTTP metrics', () => {
  it('counts and times requests by method, route template and status, never by raw path', async () => {
    const { app } = appWithMetrics();
    const client = await testClient(app);
    for (const id of [1, 2, 3]) expect((await client.get(`/users/${id}/`)).status).toBe(200);
    expect((await client.get('/users/abc/')).status).toBe(404);
    expect((await client.get('/random/path/1')).status).toBe(404);
    expect((await client.get('/boom/')).status).toBe(500);
    const response = await client.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(sample(text, 'http_requests_total{method="GET",route="/users/{id:int}/",status="200"}')).toBe(3);
    expect(sample(text, 'http_requests_total{method="GET",route="(unmatched)",status="404"}')).toBe(2);
    expect(sample(text, 'http_requests_total{method="GET",route="/boom/",status="500"}')).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count{method="GET",route="/users/{id:int}/"}')).toBe(
      3,
    );
    expect(sample(text, 'http_requests_in_flight')).toBe(0);
    expect(text).not.toContain('/users/1/');
    expect(text).not.toContain('/random/path');
    await client.close();
  });

  it('measures a plain Hono app by its route patterns', async () => {
    const metrics = new PrometheusMetrics({ registry: new Registry(), processMetrics: false });
    const hono = new Hono().use(metrics.middleware).get('/items/:id', (c) => c.text(c.req.param('id')));
    expect((await hono.request('/items/7')).status).toBe(200);
    const text = await (await hono.request('/metrics')).text();
    expect(sample(text, 'http_requests_total{method="GET",route="/items/:id",status="200"}')).toBe(1);
  });

  it('serves process metrics unless told not to, and no route when the path is false', async () => {
    const registry = new Registry();
    const metrics = new PrometheusMetrics({ registry, path: false });
    const hono = new Hono().use(metrics.middleware);
    expect((await hono.request('/metrics')).status).toBe(404);
    expect(await registry.metrics()).toContain('process_cpu_seconds_total');
  });
});

describe('model metrics', () => {
  it('records inference time, batch sizes, queue delays and the model served, replacing it on reload', async () => {
    const registry = new Registry();
    const metrics = new PrometheusMetrics({ registry, processMetrics: false });
    metrics.loaded({ name: 'churn', id: 'a', version: '1' });
    metrics.batch('churn', { rows: 5, requests: 2, queueDelays: [0.001, 0.002], inferenceSeconds: 0.0003 });
    metrics.loaded({ name: 'churn', id: 'b', version: '2' });
    const text = await registry.metrics();
    expect(sample(text, 'flama_model_info{model="churn",id="b",version="2"}')).toBe(1);
    expect(text).not.toContain('id="a"');
    expect(sample(text, 'flama_model_batch_size_sum{model="churn"}')).toBe(5);
    expect(sample(text, 'flama_model_queue_delay_seconds_count{model="churn"}')).toBe(2);
    expect(sample(text, 'flama_model_inference_duration_seconds_count{model="churn"}')).toBe(1);
  });

  it('lets two apps in one process share a registry', () => {
    const registry = new Registry();
    expect(() => {
      new PrometheusMetrics({ registry });
      new PrometheusMetrics({ registry });
    }).not.toThrow();
  });
});
