import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doubler, twoColumnClassifier } from '@flama/ml/testing';

/** A temporary directory with `classifier.onnx` (twoColumnClassifier), `doubler.onnx` and `artifact.json`. */
export async function modelFiles(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flama-cli-models-'));
  await writeFile(join(dir, 'classifier.onnx'), twoColumnClassifier());
  await writeFile(join(dir, 'doubler.onnx'), doubler());
  await writeFile(join(dir, 'artifact.json'), '{"agents_per_client": 0.2}');
  return dir;
}
