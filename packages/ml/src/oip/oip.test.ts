import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, testClient } from '@flama/routing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dump } from '../model/dump';
import { modelResource } from '../serving/model-resource';
import { ModelsModule } from '../serving/models-module';
import { identity, linearRegressor, mixedPipeline } from '../testing/models';

let dir: string;
let client: Awaited<ReturnType<typeof testClient>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flama-oip-'));
  await dump(linearRegressor(), join(dir, 'regressor.flm'), { extra: { version: 3 } });
  await dump(mixedPipeline(), join(dir, 'pipeline.flm'));
  const app = new App({ title: 'Inference', version: '2.0.0', log: () => undefined });
  const models = new ModelsModule(app, { oip: true });
  app.addModule(models);
  models.addModel('/regressor/', join(dir, 'regressor.flm'), 'regressor');
  models.addModelResource(
    '/pipeline/',
    modelResource({ name: 'pipeline', model: join(dir, 'pipeline.flm'), version: '7' }),
  );
  client = await testClient(app);
});
afterAll(async () => {
  await client.close();
  await rm(dir, { recursive: true, force: true });
});

const infer = (path: string, body: unknown) => client.post(path, { json: body });

describe('server and model metadata', () => {
  it('describes the server, its health and each model with OIP datatypes and -1 for free dimensions', async () => {
    expect(await (await client.get('/v2')).json()).toEqual({
      name: 'Inference',
      version: '2.0.0',
      extensions: ['binary_tensor_data'],
    });
    expect(await (await client.get('/v2/health/live')).json()).toEqual({ live: true });
    expect(await (await client.get('/v2/health/ready')).json()).toEqual({ ready: true });
    expect(await (await client.get('/v2/models/regressor')).json()).toEqual({
      name: 'regressor',
      versions: ['3'],
      platform: 'onnxruntime_onnx',
      inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }],
      outputs: [{ name: 'variable', datatype: 'FP32', shape: [-1, 1] }],
    });
    const pipeline = (await (await client.get('/v2/models/pipeline/versions/7')).json()) as {
      inputs: unknown[];
    };
    expect(pipeline.inputs).toContainEqual({ name: 'city', datatype: 'BYTES', shape: [-1, 1] });
    expect(await (await client.get('/v2/models/pipeline/ready')).json()).toEqual({
      name: 'pipeline',
      ready: true,
    });
  });

  it('answers OIP’s error body for an unknown model or version', async () => {
    const unknown = await client.get('/v2/models/nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: "Unknown model 'nope'; this server serves regressor, pipeline",
    });
    const inferUnknown = await infer('/v2/models/nope/infer', { inputs: [] });
    expect(inferUnknown.status).toBe(404);
    const version = await client.get('/v2/models/regressor/versions/9');
    expect(version.status).toBe(404);
    expect(await version.json()).toEqual({
      error: "Model 'regressor' has no version '9'; it serves version 3",
    });
  });
});

describe('inference', () => {
  it('infers as the specification’s example does: id echoed, flat row-major data, outputs asked for', async () => {
    const response = await infer('/v2/models/regressor/infer', {
      id: '42',
      inputs: [{ name: 'x', shape: [2, 3], datatype: 'FP32', data: [1, 1, 1, 2, 0, 0] }],
      outputs: [{ name: 'variable' }],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      model_name: 'regressor',
      model_version: '3',
      id: '42',
      outputs: [{ name: 'variable', datatype: 'FP32', shape: [2, 1], data: [6.5, 2.5] }],
    });
  });

  it('accepts nested data, BYTES as strings, several inputs, and a versioned path', async () => {
    const response = await infer('/v2/models/pipeline/versions/7/infer', {
      inputs: [
        { name: 'age', shape: [2, 1], datatype: 'FP32', data: [[40], [20]] },
        { name: 'income', shape: [2, 1], datatype: 'FP64', data: [[1000], [1000]] },
        { name: 'city', shape: [2, 1], datatype: 'BYTES', data: [['Madrid'], ['Paris']] },
      ],
      outputs: [{ name: 'output_label' }],
    });
    const body = (await response.json()) as { id: string; outputs: unknown[] };
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.outputs).toEqual([{ name: 'output_label', datatype: 'INT64', shape: [2], data: [1, 0] }]);
  });

  it.each([
    [
      'a datatype that is not the model’s',
      { inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP64', data: [1, 2, 3] }] },
      "Input 'x' has datatype FP64; the model expects FP32",
    ],
    [
      'a shape that is not the model’s',
      { inputs: [{ name: 'x', shape: [1, 4], datatype: 'FP32', data: [1, 2, 3, 4] }] },
      "Input 'x' has shape [1, 4]; the model expects [-1, 3]",
    ],
    [
      'data that does not fill the shape',
      { inputs: [{ name: 'x', shape: [2, 3], datatype: 'FP32', data: [1, 2, 3] }] },
      "Input 'x': shape [2, 3] needs a data array of 6 values",
    ],
    [
      'a value of the wrong type',
      { inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [1, 'two', 3] }] },
      'Input \'x\' at [0, 1]: expected a number or null (float), got string "two"',
    ],
    [
      'an unknown input',
      { inputs: [{ name: 'y', shape: [1, 3], datatype: 'FP32', data: [1, 2, 3] }] },
      "Unknown input 'y'; the model takes x",
    ],
    [
      'an unknown output',
      { inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [1, 2, 3] }], outputs: [{ name: 'z' }] },
      "Unknown output 'z'; the model gives variable",
    ],
    [
      'no inputs',
      { inputs: [] },
      'Invalid inference request: inputs: Too small: expected array to have >=1 items',
    ],
    [
      'an unknown datatype',
      { inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP8', data: [1, 2, 3] }] },
      'Invalid inference request: inputs.0.datatype: Invalid option: expected one of "BOOL"|"UINT8"|"UINT16"|"UINT32"|"UINT64"|"INT8"|"INT16"|"INT32"|"INT64"|"FP16"|"FP32"|"FP64"|"BYTES"',
    ],
  ])('refuses %s with a 400 and OIP’s error body', async (_case, body, error) => {
    const response = await infer('/v2/models/regressor/infer', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error });
  });

  it('refuses a body that is not JSON', async () => {
    const response = await client.post('/v2/models/regressor/infer', {
      body: '{"inputs": [',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^The request body is not JSON: /);
  });
});

describe('half-precision (FP16) tensors', () => {
  it('take and give FP16 as JSON numbers and as binary data', async () => {
    const halves = join(dir, 'halves.flm');
    await dump(identity('float16', ['N', 2]), halves);
    const app = new App({ title: 'Halves', log: () => undefined });
    const models = new ModelsModule(app, { oip: true });
    app.addModule(models);
    models.addModel('/halves/', halves, 'halves');
    await using halfClient = await testClient(app);
    const json = await halfClient.post('/v2/models/halves/infer', {
      json: { inputs: [{ name: 'x', shape: [2, 2], datatype: 'FP16', data: [1, -2.5, 0.5, 65504] }] },
    });
    expect(((await json.json()) as { outputs: unknown[] }).outputs).toEqual([
      { name: 'y', datatype: 'FP16', shape: [2, 2], data: [1, -2.5, 0.5, 65504] },
    ]);
    const bits = new Uint8Array(new Uint16Array([0x3c00, 0xc000]).buffer); // 1, -2
    const header = new TextEncoder().encode(
      JSON.stringify({
        inputs: [{ name: 'x', shape: [1, 2], datatype: 'FP16', parameters: { binary_data_size: 4 } }],
        outputs: [{ name: 'y', parameters: { binary_data: true } }],
      }),
    );
    const body = new Uint8Array(header.byteLength + 4);
    body.set(header);
    body.set(bits, header.byteLength);
    const binary = await halfClient.post('/v2/models/halves/infer', {
      body,
      headers: { 'inference-header-content-length': String(header.byteLength) },
    });
    const bytes = new Uint8Array(await binary.arrayBuffer());
    const length = Number(binary.headers.get('inference-header-content-length'));
    expect([...new Uint16Array(bytes.slice(length).buffer)]).toEqual([0x3c00, 0xc000]);
  });
});

describe("Triton's binary tensor data extension", () => {
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const concat = (...parts: Uint8Array[]) => {
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    return bytes;
  };

  it('reads binary inputs after the JSON header and answers binary outputs when asked', async () => {
    const floats = new Uint8Array(new Float32Array([1, 1, 1, 2, 0, 0]).buffer);
    const header = json({
      inputs: [
        { name: 'x', shape: [2, 3], datatype: 'FP32', parameters: { binary_data_size: floats.byteLength } },
      ],
      outputs: [{ name: 'variable', parameters: { binary_data: true } }],
    });
    const response = await client.post('/v2/models/regressor/infer', {
      body: concat(header, floats),
      headers: {
        'content-type': 'application/octet-stream',
        'inference-header-content-length': String(header.byteLength),
      },
    });
    expect(response.status).toBe(200);
    const length = Number(response.headers.get('inference-header-content-length'));
    const bytes = new Uint8Array(await response.arrayBuffer());
    const body = JSON.parse(new TextDecoder().decode(bytes.subarray(0, length)));
    expect(body.outputs).toEqual([
      { name: 'variable', datatype: 'FP32', shape: [2, 1], parameters: { binary_data_size: 8 } },
    ]);
    expect([...new Float32Array(bytes.slice(length).buffer)]).toEqual([6.5, 2.5]);
  });

  it('reads length-prefixed BYTES and refuses binary data that runs past the body', async () => {
    const city = (text: string) => {
      const value = new TextEncoder().encode(text);
      const bytes = new Uint8Array(4 + value.byteLength);
      new DataView(bytes.buffer).setUint32(0, value.byteLength, true);
      bytes.set(value, 4);
      return bytes;
    };
    const cities = concat(city('Madrid'), city('Paris'));
    const header = json({
      inputs: [
        { name: 'age', shape: [2, 1], datatype: 'FP32', data: [40, 20] },
        { name: 'income', shape: [2, 1], datatype: 'FP64', data: [1000, 1000] },
        {
          name: 'city',
          shape: [2, 1],
          datatype: 'BYTES',
          parameters: { binary_data_size: cities.byteLength },
        },
      ],
      outputs: [{ name: 'output_label' }],
    });
    const send = (body: Uint8Array) =>
      client.post('/v2/models/pipeline/infer', {
        body,
        headers: { 'inference-header-content-length': String(header.byteLength) },
      });
    const response = await send(concat(header, cities));
    expect(((await response.json()) as { outputs: { data: number[] }[] }).outputs[0]!.data).toEqual([1, 0]);
    const truncated = await send(concat(header, cities.subarray(0, 8)));
    expect(truncated.status).toBe(400);
    expect(await truncated.json()).toEqual({
      error: `Input 'city': binary_data_size ${cities.byteLength} runs past the end of the body`,
    });
  });
});
