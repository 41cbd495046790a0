import {
  type Dim,
  type ElementType,
  type Graph,
  graph,
  mapType,
  sequenceType,
  tensor,
  tensorType,
  type Value,
} from '@flama/onnx-graph';

/** Small real ONNX models, built with @flama/onnx-graph, whose outputs are easy to compute by hand. */

/** y = x·[1, 2, 3] + 0.5, one 2-D float input [N, 3], output `variable` [N, 1]. */
export function linearRegressor(): Uint8Array {
  const g = graph();
  const x = g.input('x', 'float', ['N', 3]);
  const product = g.node('MatMul', [x, g.constant('w', tensor('float', [3, 1], [1, 2, 3]))]);
  const bias = g.constant('b', tensor('float', [1], [0.5]));
  g.output(g.node('Add', [product, bias], {}, { outputs: 'variable' }), 'float', ['N', 1]);
  return g.toModel();
}

/** z = x·[1, -1] + 0.5; label 1 when z > 0; probabilities [σ(-z), σ(z)] (skl2onnx's binary LOGISTIC form). */
export function matrixClassifier(): Uint8Array {
  const g = graph();
  return logisticClassifier(g, g.input('x', 'float', ['N', 2]));
}

/** label 1 when features·[1, -1] + 0.5 > 0, and both classes' probabilities: the classifiers' common head. */
function logisticClassifier(g: Graph, features: Value): Uint8Array {
  const [label, probabilities] = g.node(
    'LinearClassifier',
    [features],
    {
      coefficients: [-1, 1, 1, -1],
      intercepts: [-0.5, 0.5],
      classlabels_ints: [0, 1],
      post_transform: 'LOGISTIC',
    },
    { outputs: ['label', 'probabilities'] },
  );
  g.output(label, 'int64', ['N']);
  g.output(probabilities, 'float', ['N', 2]);
  return g.toModel();
}

/**
 * A skl2onnx-style mixed-type pipeline, one [N, 1] input per column: age (float), income (double), city (string).
 * Numbers: mean-imputed (30, 1000), then scaled ((age - 30) / 10, (income - 1000) / 1000); city: one-hot over
 * [Paris, Madrid]. z = age' + income' - paris + madrid - 0.5; classes 0/1, LOGISTIC. With `zipmap`, the
 * probabilities come out as skl2onnx's default sequence of maps.
 */
export function mixedPipeline({ zipmap = false } = {}): Uint8Array {
  const g = graph('pipeline');
  const age = g.input('age', 'float', [null, 1]);
  const income = g.input('income', 'double', [null, 1]);
  const city = g.input('city', 'string', [null, 1]);
  const numbers = g.node('Concat', [age, g.node('Cast', [income], { to: 1 })], { axis: 1 });
  const imputed = g.node('Imputer', [numbers], {
    imputed_value_floats: [30, 1000],
    replaced_value_float: Number.NaN,
  });
  const scaled = g.node('Scaler', [imputed], { offset: [30, 1000], scale: [0.1, 0.001] });
  const encoded = g.node('OneHotEncoder', [city], { cats_strings: ['Paris', 'Madrid'], zeros: 1 });
  const cities = g.node('Reshape', [encoded, g.constant('cities_shape', tensor('int64', [2], [-1n, 2n]))]);
  const features = g.node('Concat', [scaled, cities], { axis: 1 });
  const [label, probabilities] = g.node(
    'LinearClassifier',
    [features],
    {
      coefficients: [-1, -1, 1, -1, 1, 1, -1, 1],
      intercepts: [0.5, -0.5],
      classlabels_ints: [0, 1],
      post_transform: 'LOGISTIC',
    },
    { outputs: ['output_label', zipmap ? 'probability_tensor' : 'output_probability'] },
  );
  g.output(label, 'int64', [null]);
  if (zipmap) {
    const zipped = g.node(
      'ZipMap',
      [probabilities],
      { classlabels_int64s: [0, 1] },
      { outputs: 'output_probability' },
    );
    g.output(zipped, sequenceType(mapType('int64', tensorType('float'))));
  } else {
    g.output(probabilities, 'float', [null, 2]);
  }
  return g.toModel();
}

/** y = 2x, one float input [N, 1]. */
export function doubler(): Uint8Array {
  const g = graph('doubler');
  const x = g.input('x', 'float', ['N', 1]);
  g.output(g.node('Mul', [x, g.constant('two', tensor('float', [1], [2]))], {}, { outputs: 'y' }), 'float', [
    'N',
    1,
  ]);
  return g.toModel();
}

/** matrixClassifier over two float columns x, y (one [N, 1] input each): label 1 when x - y + 0.5 > 0. */
export function twoColumnClassifier(): Uint8Array {
  const g = graph('two-columns');
  const x = g.input('x', 'float', ['N', 1]);
  const y = g.input('y', 'float', ['N', 1]);
  return logisticClassifier(g, g.node('Concat', [x, y], { axis: 1 }));
}

/** count (int64), score (int32), member (bool), each [N, 1]: y = count + 10·score + 100·member. */
export function typedColumns(): Uint8Array {
  const g = graph();
  const asFloat = (value: Value) => g.node('Cast', [value], { to: 1 });
  const count = asFloat(g.input('count', 'int64', ['N', 1]));
  const score = asFloat(g.input('score', 'int32', ['N', 1]));
  const member = asFloat(g.input('member', 'bool', ['N', 1]));
  const features = g.node('Concat', [count, score, member], { axis: 1 });
  const weights = g.constant('w', tensor('float', [3, 1], [1, 10, 100]));
  g.output(g.node('MatMul', [features, weights], {}, { outputs: 'y' }), 'float', ['N', 1]);
  return g.toModel();
}

/** y = x, for checking conversions of any element type and shape. */
export function identity(type: ElementType, shape: readonly Dim[]): Uint8Array {
  const g = graph();
  g.output(g.node('Identity', [g.input('x', type, shape)], {}, { outputs: 'y' }), type, shape);
  return g.toModel();
}

/** Reshapes x [N, C] to [-1, 2]: ONNX Runtime rejects an odd number of values. */
export function pairs(): Uint8Array {
  const g = graph();
  const x = g.input('x', 'float', ['N', 'C']);
  const shape = g.constant('shape', tensor('int64', [2], [-1n, 2n]));
  g.output(g.node('Reshape', [x, shape], {}, { outputs: 'y' }), 'float', [null, 2]);
  return g.toModel();
}

/** y[i] = x[i, column[i]]: ONNX Runtime rejects a column outside [-3, 2], for one row or a whole batch. */
export function pickColumn(): Uint8Array {
  const g = graph();
  const x = g.input('x', 'float', ['N', 3]);
  const column = g.input('column', 'int64', ['N', 1]);
  g.output(g.node('GatherElements', [x, column], { axis: 1 }, { outputs: 'y' }), 'float', ['N', 1]);
  return g.toModel();
}
