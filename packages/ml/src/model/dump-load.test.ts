import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFlm } from '../flm/writer';
import { matrixClassifier, mixedPipeline } from '../testing/models';
import { ArtifactNotFoundError } from './artifacts';
import { dump } from './dump';
import { load } from './load';
import { PythonModelError } from './python-model-error';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flama-ml-'));
  await writeFile(
    join(dir, 'artifact.json'),
    JSON.stringify({ agents_per_client: 0.2, operational_cost: 20000 }),
  );
  await writeFile(join(dir, 'model.onnx'), mixedPipeline());
});

describe('dump and load', () => {
  it('packs an ONNX file with its metadata, signature and artifacts, and loads it back ready to predict', async () => {
    const path = join(dir, 'model.flm');
    await dump(join(dir, 'model.onnx'), path, {
      id: '6b5b4e6e-6f5c-4d7e-9a43-6d1f2c3b4a59',
      timestamp: '2026-01-02T03:04:05.000Z',
      params: { C: 1 },
      metrics: { accuracy: 0.848 },
      extra: { model_author: 'Vortico' },
      artifacts: { 'artifact.json': join(dir, 'artifact.json') },
    });
    const model = await load(path);
    expect(model.meta).toMatchObject({
      id: '6b5b4e6e-6f5c-4d7e-9a43-6d1f2c3b4a59',
      timestamp: '2026-01-02T03:04:05.000Z',
      framework: { family: 'onnx', lib: 'onnx', version: '1.30.0' },
      model: { params: { C: 1 }, metrics: { accuracy: 0.848 } },
      extra: { model_author: 'Vortico' },
      signature: { columns: ['age', 'income', 'city'] },
      checksums: {
        artifacts: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        model: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      },
    });
    expect(model.inspect().artifacts).toEqual(['artifact.json']);
    expect(model.artifacts.json('artifact.json')).toEqual({
      agents_per_client: 0.2,
      operational_cost: 20000,
    });
    const artifactPath = await model.artifacts.path('artifact.json');
    expect(await readFile(artifactPath, 'utf8')).toBe(model.artifacts.text('artifact.json'));
    expect(() => model.artifacts.bytes('nope.json')).toThrow(ArtifactNotFoundError);
    // age 40 → 1, income 1000 → 0, Madrid → z = 1 + 0 + 1 - 0.5 = 1.5
    expect(await model.predict([[40, 1000, 'Madrid']])).toEqual([1]);
    const [probabilities] = await model.predictProba([[40, 1000, 'Madrid']]);
    expect(probabilities![1]).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 5);
    await model.close();
    expect(existsSync(artifactPath)).toBe(false);
  });

  it('names the missing directory, not the temporary file, when the path has none', async () => {
    const path = join(dir, 'missing', 'model.flm');
    await expect(dump(mixedPipeline(), path)).rejects.toThrow(
      `Can't write ${path}: the directory ${join(dir, 'missing')} does not exist`,
    );
  });

  it('writes the file whole or not at all, and refuses what ONNX Runtime cannot load', async () => {
    const path = join(dir, 'broken.flm');
    await expect(dump(new Uint8Array([1, 2, 3]), path)).rejects.toThrow("ONNX Runtime can't load the model");
    expect((await readdir(dir)).filter((name) => name.startsWith('broken'))).toEqual([]);
  });

  it('loads from bytes, with every written codec', async () => {
    for (const compression of ['zstd', 'zlib', 'none'] as const) {
      const path = join(dir, `model-${compression}.flm`);
      await dump(matrixClassifier(), path, { compression });
      const model = await load(new Uint8Array(await readFile(path)));
      expect(await model.predict([[1, 0]])).toHaveLength(1);
      await model.close();
    }
  });

  it('loads a Python model for inspection, and explains how to export it to ONNX to predict', async () => {
    const file = await writeFlm({
      meta: { id: 'x', framework: { family: 'sklearn', lib: 'sklearn', version: '1.5.0' } },
      artifacts: new Map([['notes.txt', new TextEncoder().encode('hi')]]),
      model: { kind: 'binary', bytes: new TextEncoder().encode('gASV...') },
    });
    const path = join(dir, 'sklearn.flm');
    await writeFile(path, file);
    const model = await load(path);
    expect(model.runnable).toBe(false);
    expect(model.signature).toBeUndefined();
    expect(model.inspect()).toMatchObject({
      meta: { framework: { lib: 'sklearn' } },
      artifacts: ['notes.txt'],
    });
    expect(model.artifacts.text('notes.txt')).toBe('hi');
    const failure = model.predict([[1]]);
    await expect(failure).rejects.toThrow(PythonModelError);
    await expect(failure).rejects.toThrow(
      /holds a sklearn model, which only Python can run.*skl2onnx.*flama pack/,
    );
    await model.close();
  });
});
