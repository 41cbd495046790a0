import { afterEach, describe, expect, test, vi } from 'vitest';
import { linearRegressor, mixedPipeline } from '../testing/models';
import type { BatchObservation } from './inference-observer';
import { OnnxModel } from './onnx-model';

const body = (input: unknown) => new TextEncoder().encode(JSON.stringify({ input }));
const rowsOf = (count: number, seed: number) =>
  Array.from({ length: count }, (_, row) => [row + seed, (row * seed) % 7, -seed]);
/** The linear regressor's weights: y = x·[1, 2, 3] + 0.5. */
const expected = (rows: number[][]) => rows.map(([a, b, c]) => a! + 2 * b! + 3 * c! + 0.5);

afterEach(() => {
  vi.restoreAllMocks();
});

async function threaded(model: Uint8Array) {
  const runs: BatchObservation[] = [];
  const created = await OnnxModel.create(model, {
    threads: 1,
    inlineRunMs: 0,
    observe: { batch: (run) => runs.push(run) },
  });
  return { model: created, runs };
}

describe('JSON bodies of rows answered on an inference thread', () => {
  test('bodies queued together run as one batch, each answered its own rows as response JSON', async () => {
    const { model, runs } = await threaded(linearRegressor());
    const parse = vi.spyOn(JSON, 'parse');
    const requests = Array.from({ length: 20 }, (_, index) => rowsOf(1 + (index % 3), index));
    const answers = await Promise.all(requests.map((rows) => model.predictJson(body(rows))));
    expect(answers).toEqual(requests.map((rows) => JSON.stringify({ output: expected(rows) })));
    // parsed on the thread, not here
    expect(parse).not.toHaveBeenCalled();
    expect(runs).toMatchObject([{ requests: 20, rows: 39, onEventLoop: false }]);
    await model.close();
  });

  test('a body that isn’t rows fitting the model is handed back, alone; the others in its batch are answered', async () => {
    const { model } = await threaded(mixedPipeline());
    const good = [[40, 1000, 'Madrid']];
    const bodies = [
      body(good),
      body([[40, 1000, 7]]),
      new TextEncoder().encode('{"input": [[40, 1000,'),
      body({ age: [[40]], income: [[1000]], city: [['Madrid']] }),
      body([]),
      body(good),
    ];
    const answers = await Promise.all(bodies.map((json) => model.predictJson(json)));
    expect(answers).toEqual([
      JSON.stringify({ output: await model.predict(good) }),
      undefined,
      undefined,
      undefined,
      undefined,
      JSON.stringify({ output: await model.predict(good) }),
    ]);
    await model.close();
  });

  test('a model without threads, or a run small enough for the event loop, leaves the body to the caller', async () => {
    const inProcess = await OnnxModel.create(linearRegressor());
    expect(await inProcess.predictJson(body(rowsOf(1, 1)))).toBeUndefined();
    await inProcess.close();
    const cheap = await OnnxModel.create(linearRegressor(), { threads: 1, inlineRunMs: Number.MAX_VALUE });
    const answers: (string | undefined)[] = [];
    // Once runs are known to be cheap and the event loop's session exists, a lone body is left to the caller.
    for (let seed = 0; answers.at(-1) !== undefined || answers.length === 0; seed++) {
      answers.push(await cheap.predictJson(body(rowsOf(1, seed))));
      if (seed > 10_000) throw new Error('never left to the caller');
    }
    expect(answers[0]).toBe(JSON.stringify({ output: expected(rowsOf(1, 0)) }));
    await cheap.close();
  });
});
