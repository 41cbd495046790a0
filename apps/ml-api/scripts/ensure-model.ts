import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { inspectFlm } from '@flama/ml';

// Before `pnpm start`: trains data/model.flm when it is missing, or when the data at hand is not what it was
// trained on (the tutorial's CSV appeared, or changed), and says which data the served model comes from. The
// data is the tutorial's CSV when it is beside the repository (or at CHURN_DATA), else synthetic customers.
const model = 'data/model.flm';
const data = process.env.CHURN_DATA ?? '../../../shared/data/churn/churn.csv';
const csv = existsSync(data) ? createHash('sha256').update(readFileSync(data)).digest('hex') : undefined;

const reason = await retrainReason();
if (reason) {
  const args = ['scripts/train.ts', ...(csv ? ['--data', data] : [])];
  console.log(`${reason}: training it (pnpm train ${args.slice(1).join(' ')}).`);
  const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
  const { status } = spawnSync(tsx, args, { stdio: 'inherit' });
  process.exitCode = status ?? 1;
}
if (process.exitCode === undefined || process.exitCode === 0) {
  const { meta } = await inspectFlm(model);
  const params = meta.model?.params ?? {};
  const metrics = Object.entries(meta.model?.metrics ?? {}).map(([name, value]) => `${name} ${value}`);
  console.log(`Serving ${model}, trained on ${params.data ?? 'unknown data'} (${metrics.join(', ')}).`);
}

/** Why the model must be trained (again), or undefined when it fits the data at hand. */
async function retrainReason(): Promise<string | undefined> {
  if (!existsSync(model)) return `${model} is missing`;
  const params = (await inspectFlm(model)).meta.model?.params ?? {};
  if (csv && params.data_sha256 !== csv) return `${model} was trained on ${params.data}, not on ${data}`;
  return undefined;
}
