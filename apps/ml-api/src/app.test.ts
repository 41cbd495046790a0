import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from '@flama/ml';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const tutorialRow = [10000, 15628319, 'Walker', 792, 'France', 'Female', 28, 4, 130142.79, 1, 1, 0, 38190.78];
let server: ChildProcess;
let url: string;

/** Serves the app as `pnpm start` does (training data/model.flm first when it is missing), on a free port. */
beforeAll(async () => {
  server = spawn('pnpm', ['start'], { cwd: appDir, stdio: 'pipe', env: { ...process.env, PORT: '0' } });
  url = await new Promise((resolve, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    server.stderr?.on('data', (chunk) => (output += chunk));
    server.on('exit', (code) => reject(new Error(`pnpm start exited with ${code}:\n${output}`)));
  });
});

afterAll(() => {
  server?.kill('SIGTERM');
});

const post = (path: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the churn API', () => {
  it('inspects the model: metadata, metrics and the artifact', async () => {
    expect(existsSync(`${appDir}data/model.flm`)).toBe(true);
    const inspected = (await (await fetch(`${url}/churn/`)).json()) as {
      meta: { model: { metrics: Record<string, number> }; extra: Record<string, unknown> };
      artifacts: string[];
    };
    expect(inspected.artifacts).toEqual(['artifact.json']);
    expect(Object.keys(inspected.meta.model.metrics).sort()).toEqual(['accuracy', 'f1', 'roc_auc']);
    expect(inspected.meta.extra).toMatchObject({ model_author: 'Vortico', version: '1.0.0' });
  });

  it('predicts the tutorial’s row as the model does in process', async () => {
    const response = await post('/churn/predict/', { input: [tutorialRow] });
    expect(response.status).toBe(200);
    const model = await load(`${appDir}data/model.flm`);
    expect(await response.json()).toEqual({ output: await model.predict([tutorialRow]) });
    const [probabilities] = await model.predictProba([tutorialRow]);
    const loss = await post('/churn/loss/', { input: [tutorialRow] });
    const { output } = (await loss.json()) as { output: number[] };
    expect(output[0]).toBeCloseTo(probabilities![1]! * (0.2 * 38190.78 - 20000), 6);
    await model.close();
  });

  it('answers bad rows with a 400 that names the problem', async () => {
    const short = await post('/churn/predict/', { input: [[1, 2, 'x']] });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { detail: string }).detail).toContain('the model takes 13 columns');
    const wrongType = await post('/churn/loss/', {
      input: [tutorialRow.map((cell, i) => (i === 3 ? 'high' : cell))],
    });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { detail: string }).detail).toContain('CreditScore');
    const notACell = { input: [tutorialRow.map((cell, i) => (i === 3 ? { score: cell } : cell))] };
    const [loss, predict] = await Promise.all([
      post('/churn/loss/', notACell),
      post('/churn/predict/', notACell),
    ]);
    expect([loss.status, await loss.json()]).toEqual([
      400,
      {
        status_code: 400,
        detail: "Row 0, column 'CreditScore': expected a number or null (float), got an object",
        error: 'ModelInputError',
      },
    ]);
    expect(await predict.json()).toMatchObject({ detail: expect.stringContaining("column 'CreditScore'") });
  });

  it('documents every route in a valid OpenAPI document, and serves the docs page', async () => {
    const document = (await (await fetch(`${url}/schema/`)).json()) as Record<string, unknown>;
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(document.paths as object)).toEqual([
      '/churn/',
      '/churn/predict/',
      '/churn/stream/',
      '/churn/ws/',
      '/churn/loss/',
      '/v2',
      '/v2/health/live',
      '/v2/health/ready',
      '/v2/models/churn_model',
      '/v2/models/churn_model/ready',
      '/v2/models/churn_model/infer',
    ]);
    expect((await fetch(`${url}/docs/`)).status).toBe(200);
  });

  it('is ready for production serving: health, Prometheus metrics, the Open Inference Protocol', async () => {
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    const metadata = (await (await fetch(`${url}/v2/models/churn_model`)).json()) as { inputs: unknown[] };
    expect(metadata.inputs).toHaveLength(13);
    expect(metadata.inputs).toContainEqual({ name: 'Geography', datatype: 'BYTES', shape: [-1, 1] });
    expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/flama_model_info\{model="churn_model",/);
  });
});
