import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, testClient } from '@flama/routing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BatchObservation } from '../engine/inference-observer';
import { dump } from '../model/dump';
import { mixedPipeline } from '../testing/models';
import { modelResource } from './model-resource';
import { ModelsModule, type ServingOptions } from './models-module';

let dir: string;
const row = [40, 1000, 'Madrid'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flama-serving-load-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Writes a model the way `flama pack` does: beside, then renamed over the served file. */
async function writeModel(file: string, version: number): Promise<void> {
  const staging = `${file}.${version}.staging`;
  await dump(mixedPipeline(), staging, { extra: { version } });
  await rename(staging, file);
}

function serve(file: string, options: ServingOptions = {}, load = {}) {
  const app = new App({ title: 'Models', log: () => undefined });
  const models = new ModelsModule(app, options);
  app.addModule(models);
  models.addModelResource('/m/', modelResource({ name: 'm', model: file, load }));
  return { app, models };
}

const version = async (client: Awaited<ReturnType<typeof testClient>>) =>
  ((await (await client.get('/m/')).json()) as { meta: { extra: { version: number } } }).meta.extra.version;

describe('overload', () => {
  it('answers 503 with Retry-After and Flama’s error body once the queue is full; the rest succeed', async () => {
    const file = join(dir, 'overload.flm');
    await writeModel(file, 1);
    const { app } = serve(file, {}, { threads: 1, maxQueueSize: 0 });
    const client = await testClient(app);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => client.post('/m/predict/', { json: { input: [row] } })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(statuses).toContain(200);
    const refused = responses.find((response) => response.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({
      status_code: 503,
      detail: 'The model is overloaded: its queue of 0 waiting requests is full; retry shortly',
      error: 'ModelOverloadedError',
    });
    await client.close();
  });
});

describe('observers', () => {
  it('are told of each model loaded and of every batch: rows, requests, queue delays, inference time', async () => {
    const file = join(dir, 'observed.flm');
    await writeModel(file, 4);
    const { app, models } = serve(file, { threads: 1 });
    const loaded: unknown[] = [];
    const batches: BatchObservation[] = [];
    models.observe({ loaded: (model) => loaded.push(model), batch: (_name, batch) => batches.push(batch) });
    const client = await testClient(app);
    expect(loaded).toEqual([{ name: 'm', id: expect.any(String), version: '4' }]);
    await Promise.all(
      Array.from({ length: 10 }, () => client.post('/m/predict/', { json: { input: [row, row] } })),
    );
    expect(batches.reduce((sum, batch) => sum + batch.rows, 0)).toBe(20);
    expect(batches.reduce((sum, batch) => sum + batch.requests, 0)).toBe(10);
    for (const batch of batches) {
      expect(batch.queueDelays).toHaveLength(batch.requests);
      expect(batch.inferenceSeconds).toBeGreaterThan(0);
    }
    await client.close();
  });
});

describe('hot reload', () => {
  it('swaps in the new file while requests run: none fails, and later ones see the new model', async () => {
    const file = join(dir, 'reload.flm');
    await writeModel(file, 1);
    const { app } = serve(file);
    const client = await testClient(app);
    expect(await version(client)).toBe(1);
    await writeModel(file, 2);
    const predictions = Array.from({ length: 100 }, () =>
      client.post('/m/predict/', { json: { input: [row, row] } }),
    );
    await app.reload();
    predictions.push(client.post('/m/predict/', { json: { input: [row] } }));
    const statuses = await Promise.all(predictions.map(async (response) => (await response).status));
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(await version(client)).toBe(2);
    await client.close();
  });

  it('keeps the old model serving when the new file does not load, and says why in one line', async () => {
    const file = join(dir, 'broken.flm');
    await writeModel(file, 1);
    const { app } = serve(file);
    const client = await testClient(app);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await rm(file);
    await app.reload();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0]![0]).toMatch(
      /^Model "m" was not reloaded from .*broken\.flm: .*The previous one goes on serving\.$/,
    );
    errors.mockRestore();
    expect(await version(client)).toBe(1);
    expect((await client.post('/m/predict/', { json: { input: [row] } })).status).toBe(200);
    await client.close();
  });

  it('with watch, reloads a model when its file is replaced', async () => {
    const file = join(dir, 'watched.flm');
    await writeModel(file, 1);
    const { app } = serve(file, { watch: true });
    const client = await testClient(app);
    const reloaded = new Promise<void>((resolve) => {
      const log = vi.spyOn(console, 'log').mockImplementation((line: string) => {
        if (String(line).startsWith('Model "m" reloaded')) {
          log.mockRestore();
          resolve();
        }
      });
    });
    await writeModel(file, 2);
    await reloaded;
    expect(await version(client)).toBe(2);
    await client.close();
  });
});
