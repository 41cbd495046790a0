import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The ml-api example's churn model, trained by `pnpm start`/`pnpm train` in apps/ml-api. */
export const CHURN_MODEL = fileURLToPath(new URL('../../apps/ml-api/data/model.flm', import.meta.url));

/** The tutorial's customer, as `POST /predict/` takes it. */
export const CHURN_ROW = [
  10000,
  15628319,
  'Walker',
  792,
  'France',
  'Female',
  28,
  4,
  130142.79,
  1,
  1,
  0,
  38190.78,
];

export function assertChurnModel(): void {
  if (!existsSync(CHURN_MODEL)) {
    throw new Error(
      `${CHURN_MODEL} is missing: train it with \`pnpm --filter @flama/example-ml-api train --data ../../../shared/data/churn/churn.csv\``,
    );
  }
}
