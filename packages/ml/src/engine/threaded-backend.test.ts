import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { identity, linearRegressor, mixedPipeline, pickColumn, typedColumns } from '../testing/models';
import { ModelInputError, ModelOverloadedError, ModelTimeoutError } from './errors';
import type { BatchObservation } from './inference-observer';
import { OnnxModel } from './onnx-model';

const rowsOf = (count: number, seed: number) =>
  Array.from({ length: count }, (_, row) => [row + seed, (row * seed) % 7, -seed]);
/** The linear regressor's weights: y = x·[1, 2, 3] + 0.5. */
const expected = (rows: number[][]) => rows.map(([a, b, c]) => a! + 2 * b! + 3 * c! + 0.5);

describe('a model on inference threads', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.create(linearRegressor(), { threads: 2 });
  });
  afterAll(() => model.close());

  test('reads its signature from a thread', () => {
    expect(model.signature.inputs).toEqual([{ name: 'x', kind: 'tensor', type: 'float', shape: ['N', 3] }]);
  });

  test('answers each of many concurrent requests with its own rows, whatever batches they were joined in', async () => {
    const requests = Array.from({ length: 200 }, (_, index) => rowsOf(1 + (index % 5), index));
    const answers = await Promise.all(requests.map((rows) => model.predict(rows)));
    answers.forEach((answer, index) => {
      expect(answer).toEqual(expected(requests[index]!));
    });
  });

  test('runs named tensors and a request larger than a batch', async () => {
    const rows = rowsOf(500, 3);
    const [big, named] = await Promise.all([model.predict(rows), model.run({ x: [[1, 1, 1]] })]);
    expect(big).toEqual(expected(rows));
    expect(named).toEqual({ variable: { type: 'float', shape: [1, 1], data: [6.5] } });
  });
});

describe('batching keeps requests apart', () => {
  test('one request the model rejects fails alone; the others in its batch succeed', async () => {
    const model = await OnnxModel.create(pickColumn(), { threads: 1 });
    const x = [[10, 20, 30]];
    const requests = [0, 1, 9, 2, 0].map((column) => model.run({ x, column: [[column]] }));
    const results = await Promise.allSettled(requests);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(results[3]).toEqual({
      status: 'fulfilled',
      value: { y: { type: 'float', shape: [1, 1], data: [30] } },
    });
    const failure = (results[2] as PromiseRejectedResult).reason;
    expect(failure).toBeInstanceOf(ModelInputError);
    expect(failure.message).toMatch(/^The model rejected the input: /);
    await model.close();
  });

  test('strings, booleans and 64-bit integers cross to the threads and back', async () => {
    const model = await OnnxModel.create(typedColumns(), { threads: 1 });
    const answers = await Promise.all([model.predict([[1, 2, true]]), model.predict([[3, 0, false]])]);
    expect(answers).toEqual([[121], [3]]);
    await model.close();
    const pipeline = await OnnxModel.create(mixedPipeline(), { threads: 1 });
    const labels = await Promise.all([
      pipeline.predict([[40, 1000, 'Madrid']]),
      pipeline.predict([
        [40, 1000, 'Madrid'],
        [20, 1000, 'Paris'],
      ]),
    ]);
    expect(labels).toEqual([[1], [1, 0]]);
    await pipeline.close();
  });
});

describe('tensors crossing threads', () => {
  test('strings of any length and script, empty ones included, and large batches come back unchanged', async () => {
    const model = await OnnxModel.create(identity('string', ['N', 2]), { threads: 1, inlineRunMs: 0 });
    const rows = [
      ['', 'é'],
      ['🔥 fire', 'a\tb'],
      ['x'.repeat(10_000), '中文'],
    ];
    const large = Array.from({ length: 9_000 }, (_, i) => [`row ${i}`, String(i % 7)]);
    const [small, big] = await Promise.all([model.run({ x: rows }), model.run({ x: large })]);
    expect(small.y!.data).toEqual(rows.flat());
    expect(big.y).toMatchObject({ shape: [9_000, 2] });
    expect(big.y!.data).toEqual(large.flat());
    await model.close();
  });
});

describe('overload', () => {
  test('past the queue size, a request is refused with 503 and Retry-After', async () => {
    const model = await OnnxModel.create(linearRegressor(), { threads: 1, maxQueueSize: 1 });
    // the first goes to the thread, the second waits, the third finds the queue full
    const calls = [1, 2, 3].map((seed) => model.predict(rowsOf(1, seed)));
    const results = await Promise.allSettled(calls);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refusal = (results[2] as PromiseRejectedResult).reason;
    expect(refusal).toBeInstanceOf(ModelOverloadedError);
    expect(refusal).toMatchObject({ status: 503, headers: { 'retry-after': '1' } });
    await model.close();
  });

  test('a request that waited past its deadline gets 504', async () => {
    const model = await OnnxModel.create(linearRegressor(), { threads: 1, timeout: 1 });
    const running = model.predict(rowsOf(1, 1));
    // Requests are dispatched once the event loop has read what arrived with them: the first is now running.
    await new Promise((resolve) => setImmediate(resolve));
    const calls = Promise.allSettled([running, model.predict(rowsOf(1, 2))]);
    // Hold this thread past the deadline: the timer phase comes before the thread's reply is read.
    const until = performance.now() + 20;
    while (performance.now() < until);
    const [first, second] = await calls;
    expect(first).toMatchObject({ status: 'fulfilled', value: expected(rowsOf(1, 1)) });
    expect(second).toMatchObject({ status: 'rejected' });
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(ModelTimeoutError);
    await model.close();
  });

  test('close() lets the calls already made finish', async () => {
    const model = await OnnxModel.create(linearRegressor(), { threads: 1 });
    const calls = [1, 2, 3].map((seed) => model.predict(rowsOf(2, seed)));
    await model.close();
    expect(await Promise.all(calls)).toEqual([1, 2, 3].map((seed) => expected(rowsOf(2, seed))));
  });
});

describe('small runs on the event loop', () => {
  const runs = (inlineRunMs: number) => {
    const onEventLoop: boolean[] = [];
    const options = {
      threads: 1,
      inlineRunMs,
      observe: { batch: (run: BatchObservation) => onEventLoop.push(run.onEventLoop) },
    };
    return { onEventLoop, options };
  };

  test('once runs are known to be cheap, a lone small request runs on the event loop; a burst goes to the threads', async () => {
    const { onEventLoop, options } = runs(Number.MAX_VALUE);
    const model = await OnnxModel.create(linearRegressor(), options);
    // The first runs are timed on the thread; the event loop's own session is created meanwhile.
    for (let seed = 0; !onEventLoop.at(-1) && seed < 10_000; seed++) {
      expect(await model.predict(rowsOf(1, seed))).toEqual(expected(rowsOf(1, seed)));
    }
    expect(onEventLoop.at(-1)).toBe(true);
    expect(onEventLoop[0]).toBe(false);

    onEventLoop.length = 0;
    const burst = Array.from({ length: 20 }, (_, seed) => rowsOf(2, seed));
    const answers = await Promise.all(burst.map((rows) => model.predict(rows)));
    expect(answers).toEqual(burst.map(expected));
    // Only the first finds every thread idle and nothing queued.
    expect(onEventLoop.filter(Boolean)).toHaveLength(1);
    await model.close();
  });

  test('a request larger than a small run, and every run with inlineRunMs 0, stay on the threads', async () => {
    for (const [inlineRunMs, rows] of [
      [Number.MAX_VALUE, 9],
      [0, 1],
    ] as const) {
      const { onEventLoop, options } = runs(inlineRunMs);
      const model = await OnnxModel.create(linearRegressor(), options);
      for (let seed = 0; seed < 100; seed++) {
        expect(await model.predict(rowsOf(rows, seed))).toEqual(expected(rowsOf(rows, seed)));
      }
      expect(onEventLoop).toEqual(Array(100).fill(false));
      await model.close();
    }
  });

  test('a request the model rejects on the event loop fails alone with the same error as on a thread', async () => {
    const { onEventLoop, options } = runs(Number.MAX_VALUE);
    const model = await OnnxModel.create(pickColumn(), options);
    const x = [[10, 20, 30]];
    for (let i = 0; !onEventLoop.at(-1) && i < 10_000; i++) await model.run({ x, column: [[1]] });
    const refused = model.run({ x, column: [[9]] });
    await expect(refused).rejects.toBeInstanceOf(ModelInputError);
    await expect(refused).rejects.toThrow(/^The model rejected the input: /);
    expect(onEventLoop.at(-1)).toBe(true);
    await expect(model.run({ x, column: [[2]] })).resolves.toEqual({
      y: { type: 'float', shape: [1, 1], data: [30] },
    });
    await model.close();
  });
});
