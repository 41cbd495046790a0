import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graph, tensor } from '@flama/onnx-graph';

/** A classifier over two float columns x, y (one [N, 1] input each): label 1 when x - y + 0.5 > 0. */
export function twoColumnClassifier(): Uint8Array {
  const g = graph('two-columns');
  const x = g.input('x', 'float', ['N', 1]);
  const y = g.input('y', 'float', ['N', 1]);
  const features = g.node('Concat', [x, y], { axis: 1 });
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

/** A temporary directory with `classifier.onnx`, `doubler.onnx` and `artifact.json`. */
export async function modelFiles(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flama-cli-models-'));
  await writeFile(join(dir, 'classifier.onnx'), twoColumnClassifier());
  await writeFile(join(dir, 'doubler.onnx'), doubler());
  await writeFile(join(dir, 'artifact.json'), '{"agents_per_client": 0.2}');
  return dir;
}
