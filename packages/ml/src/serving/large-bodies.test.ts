import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type SocketServer, serveOnSocket } from '@flama/routing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BatchObservation } from '../engine/inference-observer';
import { dump } from '../model/dump';
import { load } from '../model/load';
import { mixedPipeline } from '../testing/models';
import { modelResource } from './model-resource';
import { ModelsModule, type ServingOptions } from './models-module';

// Bodies of at least 64 KiB are parsed and fed on an inference thread; rows of the mixed pipeline are about
// 20 bytes, so 5,000 of them make one.
const ROWS = 5000;
const rowsOf = (count: number) =>
  Array.from({ length: count }, (_, i) => [
    20 + (i % 50),
    500 + ((i * 37) % 2000),
    i % 3 ? 'Madrid' : 'Paris',
  ]);

let dir: string;
let file: string;
let expected: unknown[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flama-large-bodies-'));
  file = join(dir, 'model.flm');
  await dump(mixedPipeline(), file);
  const inProcess = await load(file);
  expected = await inProcess.predict(rowsOf(ROWS));
  await inProcess.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const running: SocketServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function serve(serving: ServingOptions, runs: BatchObservation[] = []): Promise<string> {
  const app = new App({ title: 'Models', log: () => undefined });
  const models = new ModelsModule(app, serving);
  app.addModule(models);
  models.addModelResource('/m/', modelResource({ name: 'm', model: file, load: { maxRows: 8000 } }));
  models.observe({ batch: (_model, run) => runs.push(run) });
  await app.startup();
  const server = await serveOnSocket(app);
  running.push(server);
  return server.url;
}

const predict = (url: string, body: string) =>
  fetch(`${url}/m/predict/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** How many times this thread parsed a body at least `bytes` long. */
function parsesOfAtLeast(bytes: number): () => number {
  const parse = vi.spyOn(JSON, 'parse');
  return () => parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length >= bytes).length;
}

describe('large POST /predict/ bodies', () => {
  it('are parsed and fed on an inference thread, and answer what the model answers in process', async () => {
    const runs: BatchObservation[] = [];
    const url = await serve({ threads: 1 }, runs);
    const body = JSON.stringify({ input: rowsOf(ROWS) });
    expect(body.length).toBeGreaterThan(64 * 1024);
    const parses = parsesOfAtLeast(64 * 1024);
    const response = await predict(url, body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ output: expected });
    expect(parses()).toBe(0);
    expect(runs).toMatchObject([{ rows: ROWS, requests: 1, onEventLoop: false }]);
  });

  it('that the model can’t take get the same 4xx as small ones, worded on the event loop', async () => {
    const url = await serve({ threads: 1 });
    const rows = rowsOf(ROWS);
    const badCell = rows.map((row, i) => (i === 4321 ? [row[0], row[1], 7] : row));
    const refused = await predict(url, JSON.stringify({ input: badCell }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(
      /^Row 4321, column 'city': expected a string or null \(string\), got number 7/,
    );
    const short = await predict(url, JSON.stringify({ input: [...rows, [1, 2]] }));
    expect(short.status).toBe(400);
    expect(((await short.json()) as { detail: string }).detail).toMatch(/^Row 5000 has 2 values; /);
    const tooMany = await predict(url, JSON.stringify({ input: rowsOf(9000) }));
    expect(tooMany.status).toBe(413);
    const malformed = await predict(url, JSON.stringify({ input: rows }).slice(0, -2));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { detail: string }).detail).toMatch(/^Malformed JSON body: /);
    const notRows = await predict(url, JSON.stringify({ rows, input: 'all of them' }));
    expect(notRows.status).toBe(400);
    // a good request after them all still succeeds
    const good = await predict(url, JSON.stringify({ input: rows }));
    expect(await good.json()).toEqual({ output: expected });
  });

  it('that hold named tensors, or go to a model without threads, are read on the event loop', async () => {
    const named = { age: rowsOf(ROWS).map((row) => [row[0]]), income: rowsOf(ROWS).map((row) => [row[1]]) };
    const city = rowsOf(ROWS).map((row) => [row[2]]);
    for (const serving of [{ threads: 1 }, { threads: 0 }]) {
      const url = await serve(serving);
      const tensors = await predict(url, JSON.stringify({ input: { ...named, city } }));
      expect(tensors.status).toBe(200);
      const outputs = (await tensors.json()) as { output: { output_label: { data: unknown[] } } };
      expect(outputs.output.output_label.data).toEqual(expected);
      const rows = await predict(url, JSON.stringify({ input: rowsOf(ROWS) }));
      expect(await rows.json()).toEqual({ output: expected });
    }
  });
});
