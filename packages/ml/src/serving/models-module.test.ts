import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, testClient } from '@flama/routing';
import type { OpenAPIDocument } from '@flama/schema';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dump } from '../model/dump';
import { mixedPipeline } from '../testing/models';
import { attachModels, type ServedModelOptions } from './attach-models';
import { modelResource } from './model-resource';
import { ModelInput, ModelOutput } from './model-schemas';
import type { ModelsModule } from './models-module';

let file: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'flama-serving-'));
  await writeFile(join(dir, 'artifact.json'), JSON.stringify({ factor: 10 }));
  file = join(dir, 'model.flm');
  await dump(mixedPipeline(), file, {
    artifacts: { 'artifact.json': join(dir, 'artifact.json') },
    extra: { v: 1 },
  });
});

function appWithModels(served?: readonly ServedModelOptions[]): { app: App; models: ModelsModule } {
  const app = new App({ title: 'Models', log: () => undefined });
  return { app, models: attachModels(app, { models: served }) };
}

const json = (response: Response) => response.json() as Promise<Record<string, unknown>>;

describe('serving models', () => {
  it('inspects and predicts under the mount, one output per row', async () => {
    const { app } = appWithModels([{ path: '/churn/', name: 'churn', model: file }]);
    const client = await testClient(app);
    const inspect = await json(await client.get('/churn/'));
    expect(inspect.artifacts).toEqual(['artifact.json']);
    expect(inspect.meta).toMatchObject({ extra: { v: 1 }, framework: { lib: 'onnx' } });
    const predict = await client.post('/churn/predict/', {
      json: {
        input: [
          [40, 1000, 'Madrid'],
          [20, 1000, 'Paris'],
          [null, null, 'Lisbon'],
        ],
      },
    });
    expect(predict.status).toBe(200);
    expect(await json(predict)).toEqual({ output: [1, 0, 0] });
    await client.close();
  });

  it('answers bad input with a 400 naming what is wrong, never a 500', async () => {
    const { app, models } = appWithModels();
    models.addModel('/m/', file, 'm');
    const client = await testClient(app);
    const cases: [unknown, number, RegExp | string][] = [
      [{ input: [[40, 1000]] }, 400, /3 columns|column/],
      [{ input: [['forty', 1000, 'Paris']] }, 400, /age/],
      [{ input: [] }, 400, 'input'],
      [{ input: 'rows' }, 400, 'Expected rows (an array of arrays, one per prediction) or named tensors'],
      [{ rows: [[1, 2, 'a']] }, 400, 'input'],
    ];
    for (const [body, status, detail] of cases) {
      const response = await client.post('/m/predict/', { json: body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify((await json(response)).detail)).toMatch(detail);
    }
    const malformed = await client.post('/m/predict/', {
      body: '{"input": [[',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    await client.close();
  });

  it('answers a batch over the model’s row limit with a 413', async () => {
    const { app, models } = appWithModels();
    models.addModelResource('/m', modelResource({ name: 'm', model: file, load: { maxRows: 2 } }));
    const client = await testClient(app);
    const rows = [
      [1, 1, 'a'],
      [2, 2, 'b'],
      [3, 3, 'c'],
    ];
    const response = await client.post('/m/predict/', { json: { input: rows } });
    expect(response.status).toBe(413);
    expect((await json(response)).detail).toBe('The batch has 3 rows; this model takes at most 2 per call');
  });

  it('gives custom methods the loaded model and its artifacts', async () => {
    const { app, models } = appWithModels();
    const Churn = modelResource({ name: 'churn', verboseName: 'Churn model', model: file }).post(
      '/scaled/',
      { name: 'scaled', body: ModelInput, response: ModelOutput },
      async ({ body, model }) => {
        const { factor } = model.artifacts.json<{ factor: number }>('artifact.json');
        const probabilities = await model.predictProba(body.input);
        return { output: probabilities.map((p) => p[1]! * factor) };
      },
    );
    models.addModelResource('/churn', Churn);
    const client = await testClient(app);
    const response = await json(
      await client.post('/churn/scaled/', { json: { input: [[30, 1000, 'Paris']] } }),
    );
    // z = 0 + 0 - 1 - 0.5 = -1.5
    expect((response.output as number[])[0]).toBeCloseTo(10 / (1 + Math.exp(1.5)), 4);
    expect(app.resolveUrl('churn:scaled')).toBe('/churn/scaled/');
  });

  it('refuses a ModelInput body as /predict/ does: the model names the row and column at fault', async () => {
    const { app, models } = appWithModels();
    const Churn = modelResource({ name: 'churn', model: file }).post(
      '/first/',
      { name: 'first', body: ModelInput, response: ModelOutput },
      async ({ body, model }) => ({ output: await model.predict(body.input) }),
    );
    models.addModelResource('/churn', Churn);
    await using client = await testClient(app);
    for (const input of [[[30, { years: 30 }, 'Paris']], [[30, 1000]], ['Paris']]) {
      const predicted = await client.post('/churn/predict/', { json: { input } });
      const custom = await client.post('/churn/first/', { json: { input } });
      expect(custom.status, JSON.stringify(input)).toBe(400);
      expect(await json(custom)).toEqual(await json(predicted));
    }
    const wrongCell = await json(
      await client.post('/churn/first/', { json: { input: [[30, [1], 'Paris']] } }),
    );
    expect(wrongCell.detail).toMatch(/^Row 0, column '\w+': expected a number/);
    const notRows = await json(await client.post('/churn/first/', { json: { input: 'abc' } }));
    expect(notRows.detail).toEqual({ input: ['Expected rows (an array of arrays, one per prediction)'] });
  });

  it('documents the predict body from the model’s signature, in a valid OpenAPI document', async () => {
    const { app, models } = appWithModels();
    models.addModel('/churn/', file, 'churn');
    const client = await testClient(app);
    const document = (await (await client.get('/schema/')).json()) as OpenAPIDocument;
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    const predict = document.paths['/churn/predict/']?.post;
    expect(predict?.operationId).toBe('churn:predict');
    expect(JSON.stringify(predict?.requestBody)).toContain('"prefixItems"');
    expect(JSON.stringify(predict?.requestBody)).toContain('"description":"city"');
    expect(document.paths['/churn/']?.get?.tags).toEqual(['churn']);
  });

  it('loads models at startup, and a model that cannot load stops startup with the reason', async () => {
    const { app, models } = appWithModels();
    models.addModel('/ok/', file, 'ok').addModel('/missing/', join(tmpdir(), 'missing.flm'), 'missing');
    await expect(app.startup()).rejects.toThrow(/Model "missing" \(.*missing\.flm\) can't be loaded: ENOENT/);
    expect((await app.fetch(new Request('http://x/ok/'))).status).toBe(503);
  });

  it('keeps the types of custom methods', () => {
    modelResource({ name: 'x', model: file }).post(
      '/y/',
      { body: z.object({ n: z.number() }) },
      ({ body, model }) => {
        const n: number = body.n;
        return model.inspect().artifacts.length + n;
      },
    );
  });
});
