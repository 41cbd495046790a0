import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ModelInputError, ModelOverloadedError, ModelTimeoutError } from './errors';
import { OnnxModel } from './onnx-model';
import { linearRegressor, mixedPipeline, pickColumn, typedColumns } from './test-models';

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
    const first = model.predict(rowsOf(1, 1));
    const second = model.predict(rowsOf(1, 2));
    // Hold this thread past the deadline: the timer phase comes before the thread's reply is read.
    const until = performance.now() + 20;
    while (performance.now() < until);
    await expect(first).resolves.toHaveLength(1);
    await expect(second).rejects.toBeInstanceOf(ModelTimeoutError);
    await model.close();
  });

  test('close() lets the calls already made finish', async () => {
    const model = await OnnxModel.create(linearRegressor(), { threads: 1 });
    const calls = [1, 2, 3].map((seed) => model.predict(rowsOf(2, seed)));
    await model.close();
    expect(await Promise.all(calls)).toEqual([1, 2, 3].map((seed) => expected(rowsOf(2, seed))));
  });
});
