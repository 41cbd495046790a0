import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Before `pnpm start`: trains data/model.flm when it is missing, on the tutorial's data when it is beside the
// repository (or at CHURN_DATA), else on synthetic data, so that the app serves with one command.
const model = 'data/model.flm';
if (!existsSync(model)) {
  const data = process.env.CHURN_DATA ?? '../../../shared/data/churn/churn.csv';
  const args = ['scripts/train.ts', ...(existsSync(data) ? ['--data', data] : [])];
  console.log(`${model} is missing: training it first (pnpm train ${args.slice(1).join(' ')}).`);
  const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
  const { status } = spawnSync(tsx, args, { stdio: 'inherit' });
  process.exitCode = status ?? 1;
}
