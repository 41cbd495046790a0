import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, testClient } from '@flama/routing';
import type { OpenAPIDocument } from '@flama/schema';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { dump } from '../model/dump';
import { Model } from '../model/model';
import { mixedPipeline } from '../testing/models';
import { recurrentCell } from '../testing/recurrent-cell';
import { ModelsModule } from './models-module';

let cellFile: string;
let tableFile: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'flama-tensors-'));
  cellFile = join(dir, 'cell.flm');
  tableFile = join(dir, 'table.flm');
  await dump(recurrentCell(), cellFile);
  await dump(mixedPipeline(), tableFile);
});

async function serve() {
  const app = new App({ log: () => undefined });
  const models = new ModelsModule(app);
  app.addModule(models);
  models.addModel('/vad/', cellFile, 'vad').addModel('/table/', tableFile, 'table');
  return testClient(app);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const frame = [[0.5, 0.25, 0.25, 0]];
const state = { data: new Array(8).fill(0.125), shape: [2, 1, 4] };

describe('named tensors', () => {
  it('runs a model with several non-tabular inputs, naming every output with its shape', async () => {
    const client = await serve();
    const response = await client.post('/vad/predict/', {
      json: { input: { input: frame, sr: 16000, state } },
    });
    expect(response.status).toBe(200);
    const { output } = (await response.json()) as {
      output: Record<string, { type: string; shape: number[]; data: number[] }>;
    };
    expect(output.output!.shape).toEqual([1, 1]);
    expect(output.output!.data[0]).toBeCloseTo(sigmoid(1 + 1 + 1), 5);
    expect(output.stateN).toMatchObject({ type: 'float', shape: [2, 1, 4] });
    expect(output.stateN!.data[0]).toBeCloseTo(0.125 * 0.5 + 0.25, 5);
    await client.close();
  });

  it('checks shapes and element types against the signature first, naming the input', async () => {
    const client = await serve();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ input: frame, sr: 16000, state: { data: [1, 2], shape: [2, 1, 4] } }, /state/],
      [{ input: frame, sr: 16000, state: [[[1, 2, 3]]] }, /state/],
      [{ input: [['loud']], sr: 16000, state }, /input/],
      [{ input: frame, state }, /Missing input 'sr'/],
      [{ input: frame, sr: 16000, state, volume: 3 }, /Unknown input 'volume'/],
    ];
    for (const [input, detail] of cases) {
      const response = await client.post('/vad/predict/', { json: { input } });
      expect(response.status, JSON.stringify(input)).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toMatch(detail);
    }
  });

  it('documents the named inputs and outputs from the signature', async () => {
    const client = await serve();
    const document = (await (await client.get('/schema/')).json()) as OpenAPIDocument;
    const result = await new Validator().validate(
      structuredClone(document) as unknown as Record<string, unknown>,
    );
    expect(result.errors ?? []).toEqual([]);
    const predict = JSON.stringify(document.paths['/vad/predict/']?.post);
    expect(predict).toContain('float tensor of shape [1, N]');
    expect(predict).toContain('int64 tensor of shape []');
    expect(predict).toContain('"stateN"');
    expect(document.paths['/vad/stream/']?.post?.responses?.['200']).toMatchObject({
      content: { 'text/event-stream': {} },
    });
  });
});

/** Reads server-sent events until the stream ends. */
async function events(response: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await response.text();
  return text
    .trim()
    .split('\n\n')
    .map((block) => {
      const [event, data] = block.split('\n');
      return { event: event!.slice('event: '.length), data: JSON.parse(data!.slice('data: '.length)) };
    });
}

describe('POST /stream/', () => {
  it('answers one prediction per input as server-sent events; a bad input is an error event and the stream goes on', async () => {
    const client = await serve();
    const response = await client.post('/table/stream/', {
      json: { input: [[40, 1000, 'Madrid'], [40], [20, 1000, 'Paris']] },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await events(response)).toEqual([
      { event: 'prediction', data: { index: 0, output: 1 } },
      {
        event: 'error',
        data: {
          index: 1,
          detail: expect.stringMatching(/^Item 1 has \d+ values; the model takes 3 columns/),
        },
      },
      { event: 'prediction', data: { index: 2, output: 0 } },
      { event: 'end', data: { count: 3 } },
    ]);
  });

  it('streams named-tensor inputs too', async () => {
    const client = await serve();
    const response = await client.post('/vad/stream/', {
      json: {
        input: [
          { input: frame, sr: 16000, state },
          { input: frame, sr: 8000, state },
        ],
      },
    });
    const received = await events(response);
    expect(received.map((item) => item.event)).toEqual(['prediction', 'prediction', 'end']);
    const second = received[1]!.data as { output: { output: { data: number[] } } };
    expect(second.output.output.data[0]).toBeCloseTo(sigmoid(2.5), 5);
  });

  it('stops working when the client goes away', async () => {
    const predict = vi.spyOn(Model.prototype, 'predict');
    const client = await serve();
    const rows = Array.from({ length: 500 }, () => [30, 1000, 'Paris']);
    const response = await client.post('/table/stream/', { json: { input: rows } });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    const callsAfterCancel = predict.mock.calls.length;
    expect(callsAfterCancel).toBeLessThan(10);
    // Nothing runs once cancelled: a later look sees the same count.
    await client.get('/table/');
    expect(predict.mock.calls.length).toBe(callsAfterCancel);
    predict.mockRestore();
  });
});
