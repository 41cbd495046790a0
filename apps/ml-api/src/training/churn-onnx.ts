import { graph, tensor, type Value } from '@flama/onnx-graph';
import { churnColumns } from './churn-columns';
import type { ChurnPipeline } from './churn-pipeline';

/**
 * The pipeline as an ONNX model laid out the way skl2onnx converts a ColumnTransformer pipeline: one [N, 1]
 * input per column (float for numbers, string for categories; the identifiers are inputs no node reads),
 * numbers concatenated, imputed and scaled, each category one-hot encoded, then a LinearClassifier with
 * outputs `label` (int64 [N]) and `probabilities` (float [N, 2]) and no ZipMap.
 */
export function churnOnnx({ preprocessing, classifier }: ChurnPipeline): Uint8Array {
  const g = graph('churn');
  const inputs = churnColumns.map(({ name, type }) =>
    g.input(name, type === 'number' ? 'float' : 'string', ['N', 1]),
  );
  const means = preprocessing.numeric.map(({ mean }) => mean);
  const numbers = g.node(
    'Concat',
    preprocessing.numeric.map(({ index }) => inputs[index]!),
    { axis: 1 },
  );
  const imputed = g.node('Imputer', [numbers], {
    imputed_value_floats: means,
    replaced_value_float: Number.NaN,
  });
  const scaled = g.node('Scaler', [imputed], {
    offset: means,
    scale: preprocessing.numeric.map(({ deviation }) => 1 / deviation),
  });
  const encoded: Value[] = preprocessing.categorical.map(({ index, name, categories }) =>
    g.node('Reshape', [
      g.node('OneHotEncoder', [inputs[index]!], { cats_strings: [...categories], zeros: 1 }),
      g.constant(`${name}_shape`, tensor('int64', [2], [-1n, BigInt(categories.length)])),
    ]),
  );
  const features = g.node('Concat', [scaled, ...encoded], { axis: 1 });
  const { weights, intercept } = classifier;
  // skl2onnx's binary form: one row of coefficients per class, class 0's the negation of class 1's.
  const [label, probabilities] = g.node(
    'LinearClassifier',
    [features],
    {
      coefficients: [...weights.map((weight) => -weight), ...weights],
      intercepts: [-intercept, intercept],
      classlabels_ints: [0, 1],
      post_transform: 'LOGISTIC',
    },
    { outputs: ['label', 'probabilities'] },
  );
  g.output(label, 'int64', ['N']);
  g.output(probabilities, 'float', ['N', 2]);
  return g.toModel({ producer: 'flama' });
}
