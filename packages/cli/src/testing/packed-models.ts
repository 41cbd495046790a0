import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dump, writeFlm } from '@flama/ml';
import { modelFiles } from './models';

/**
 * A temporary directory with `classifier.flm` and `doubler.flm` (see ./models), and `sklearn.flm`: a
 * Python-made file whose payload is a pickle, which only Python can run.
 */
export async function packedModels(): Promise<string> {
  const dir = await modelFiles();
  await dump(join(dir, 'classifier.onnx'), join(dir, 'classifier.flm'));
  await dump(join(dir, 'doubler.onnx'), join(dir, 'doubler.flm'));
  const pickle = await writeFlm({
    meta: {
      id: 'c1f6a3a4-0f3e-4a55-9c38-3f0c1d1f2a10',
      framework: { family: 'sklearn', lib: 'sklearn', version: '1.5.0' },
      model: { obj: 'LogisticRegression', info: null },
    },
    artifacts: new Map([['notes.txt', new TextEncoder().encode('trained in Python')]]),
    model: {
      kind: 'binary',
      bytes: new TextEncoder().encode('gASVKAAAAAAAAACMFHNrbGVhcm4ubGluZWFyX21vZGVslC4='),
    },
  });
  await writeFile(join(dir, 'sklearn.flm'), pickle);
  return dir;
}
