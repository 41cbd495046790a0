import { graph, tensor } from '@flama/onnx-graph';

/**
 * Test helper: a tiny recurrent cell shaped like a voice-activity model. Inputs: `input` float [1, N] (a
 * frame), `sr` int64 scalar (the sample rate), `state` float [2, 1, 4]. Outputs: `output` [1, 1] =
 * σ(Σinput + Σstate + sr / 16000) and `stateN` [2, 1, 4] = state · 0.5 + mean(input).
 */
export function recurrentCell(): Uint8Array {
  const g = graph('recurrent-cell');
  const input = g.input('input', 'float', [1, 'N']);
  const sr = g.input('sr', 'int64', []);
  const state = g.input('state', 'float', [2, 1, 4]);
  const rate = g.node('Div', [
    g.node('Cast', [sr], { to: 1 }),
    g.constant('base_rate', tensor('float', [], [16000])),
  ]);
  const total = g.node('Add', [
    g.node('Add', [
      g.node('ReduceSum', [input], { keepdims: 0 }),
      g.node('ReduceSum', [state], { keepdims: 0 }),
    ]),
    rate,
  ]);
  const shape = g.constant('output_shape', tensor('int64', [2], [1n, 1n]));
  g.output(
    g.node('Reshape', [g.node('Sigmoid', [total]), shape], {}, { outputs: 'output' }),
    'float',
    [1, 1],
  );
  const halved = g.node('Mul', [state, g.constant('half', tensor('float', [], [0.5]))]);
  const next = g.node(
    'Add',
    [halved, g.node('ReduceMean', [input], { keepdims: 0 })],
    {},
    { outputs: 'stateN' },
  );
  g.output(next, 'float', [2, 1, 4]);
  return g.toModel();
}
