import { describe, expect, test } from 'vitest';
import { GraphError, graph, tensor } from './index';
import { floats32, runModel } from './testing/run-model';

describe('graph', () => {
  test('names node outputs <op>_<n> when not told, without clashing', async () => {
    const g = graph();
    g.input('Neg_1', 'float', [1]);
    const first = g.node('Neg', [{ name: 'Neg_1' }]);
    const second = g.node('Neg', [first]);
    expect([first.name, second.name]).toEqual(['Neg_0', 'Neg_2']);
    g.output(second, 'float', [1]);
    const out = await runModel(g.toModel(), { Neg_1: floats32([4], [1]) });
    expect(out.Neg_2!.data).toEqual([4]);
  });

  test('an empty input name stands for an omitted optional input', async () => {
    const g = graph();
    const x = g.input('x', 'float', [3]);
    const clipped = g.node(
      'Clip',
      [x, '', g.constant('max', tensor('float', [], [1]))],
      {},
      { outputs: 'y' },
    );
    g.output(clipped, 'float', [3]);
    expect((await runModel(g.toModel(), { x: floats32([-5, 0.5, 5], [3]) })).y!.data).toEqual([-5, 0.5, 1]);
  });

  test('rejects names used twice, unknown values and a graph without outputs', () => {
    const g = graph('g');
    const x = g.input('x', 'float', [1]);
    expect(() => g.constant('x', tensor('float', [1], [1]))).toThrow(
      new GraphError("Value name 'x' is empty or already used"),
    );
    expect(() => g.node('Neg', [{ name: 'nope' }])).toThrow("No value named 'nope' in graph 'g'");
    expect(() => g.output({ name: 'nope' }, 'float')).toThrow(GraphError);
    expect(() => g.toModel()).toThrow("Graph 'g' has no output");
    g.output(g.node('Neg', [x]), 'float');
    expect(g.toModel()).toBeInstanceOf(Uint8Array);
  });

  test('rejects tensors whose values do not fill the dims or fit the type', () => {
    expect(() => tensor('float', [2, 2], [1, 2, 3])).toThrow(
      'A tensor of float with dims [2, 2] needs 4 values, got 3',
    );
    expect(() => tensor('int64', [1], [1.5])).toThrow("A tensor of int64 can't hold number 1.5");
    expect(() => tensor('int32', [1], [2 ** 31])).toThrow(GraphError);
    expect(() => tensor('bool', [1], [1])).toThrow(GraphError);
    expect(() => tensor('string', [1], [1])).toThrow(GraphError);
  });

  test('rejects a list attribute that mixes types', () => {
    const g = graph();
    g.output(g.node('Constant', [], { value_strings: ['a', 1] as unknown as string[] }), 'string');
    expect(() => g.toModel()).toThrow('A list attribute holds one type of value, got [a, 1]');
  });
});

test('writes producer and metadata_props into a model ONNX Runtime loads', async () => {
  const g = graph();
  g.output(g.node('Identity', [g.input('x', 'float', [1])], {}, { outputs: 'y' }), 'float', [1]);
  const model = g.toModel({ producer: 'flama', metadata: { author: 'Vortico' } });
  const text = new TextDecoder().decode(model);
  expect(text).toContain('flama');
  expect(text).toContain('author');
  expect(text).toContain('Vortico');
  expect((await runModel(model, { x: floats32([2], [1]) })).y!.data).toEqual([2]);
});
