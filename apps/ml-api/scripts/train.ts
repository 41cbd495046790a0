import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dump } from '@flama/ml';
import {
  type ChurnData,
  type Metrics,
  readChurnCsv,
  syntheticChurnData,
  trainChurnModel,
} from '../src/training';

// pnpm train [--data <csv>] [--out data/model.onnx] [--seed n]: trains the churn classifier, writes the ONNX
// model and packs it with its metadata and artifact into a .flm beside it.
const syntheticRows = 5000;
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: 'data/model.onnx' },
    seed: { type: 'string', default: '42' },
  },
});

try {
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed takes an integer, got "${values.seed}"`);
  const data: ChurnData = values.data
    ? readChurnCsv(await readFile(values.data, 'utf8'))
    : syntheticChurnData({ rows: syntheticRows, seed });
  console.log(`Training on ${values.data ?? `${syntheticRows} synthetic rows`} (${data.rows.length} rows)`);

  const started = performance.now();
  const model = await trainChurnModel({ ...data, seed });
  const seconds = (performance.now() - started) / 1000;
  console.log(`Trained in ${seconds.toFixed(2)} s (${model.params.iterations} Newton iterations)`);
  console.log('Held-out metrics, TypeScript:', format(model.metrics));
  console.log('Held-out metrics, ONNX model:', format(model.servingMetrics));

  await mkdir(dirname(values.out), { recursive: true });
  await writeFile(values.out, model.onnx);
  const flm = `${values.out.replace(/\.onnx$/, '')}.flm`;
  await dump(model.onnx, flm, {
    params: {
      ...model.params,
      data: values.data ? basename(values.data) : `synthetic (${syntheticRows} rows)`,
      // what `pnpm start` compares with the data at hand, to retrain when it changed
      ...(values.data && {
        data_sha256: createHash('sha256')
          .update(await readFile(values.data))
          .digest('hex'),
      }),
    },
    metrics: { ...model.metrics },
    extra: {
      model_author: 'Vortico',
      description: 'Predicts whether a bank customer leaves: logistic regression with its preprocessing',
      version: '1.0.0',
      tags: ['churn', 'classification'],
    },
    artifacts: { 'artifact.json': artifactPath(values.data) },
  });
  console.log(`Wrote ${values.out} and ${flm}`);
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
}

/** The data's own artifact.json when it has one beside it (the tutorial's folder), else the app's copy. */
function artifactPath(data: string | undefined): string {
  const beside = data && join(dirname(data), 'artifact.json');
  return beside && existsSync(beside)
    ? beside
    : fileURLToPath(new URL('../data/artifact.json', import.meta.url));
}

function format(metrics: Metrics): string {
  return Object.entries(metrics)
    .map(([name, value]) => `${name} ${value.toFixed(4)}`)
    .join(', ');
}
