import type { ChurnData, ChurnRow } from './churn-columns';
import { Random } from './random';

const surnames = [
  'Walker',
  'Hill',
  'Onio',
  'Boni',
  'Mitchell',
  'Chu',
  'Bartlett',
  'Obinna',
  'He',
  'Lombardo',
];
const productEffect = [0, 0, -0.9, 1.5, 2.5];

/**
 * Customers shaped like the tutorial's data (same 13 columns and ranges), whose churn depends on them the
 * way it does there: older, inactive, German and female customers leave more, two products keep them.
 */
export function syntheticChurnData({ rows, seed }: { rows: number; seed: number }): ChurnData {
  const random = new Random(seed);
  const data: ChurnRow[] = [];
  const labels: (0 | 1)[] = [];
  for (let index = 0; index < rows; index++) {
    const creditScore = Math.round(Math.min(850, Math.max(350, random.normal(650, 97))));
    const geography = random.pick(['France', 'Germany', 'Spain'], [50, 25, 25]);
    const gender = random.pick(['Male', 'Female'], [55, 45]);
    const age = Math.round(Math.min(92, Math.max(18, 18 + Math.exp(random.normal(3, 0.45)))));
    const balance = random.next() < 0.36 ? 0 : round2(Math.max(3000, random.normal(120_000, 30_000)));
    const products = random.pick([1, 2, 3, 4], [50, 46, 3, 1]);
    const active = random.next() < 0.51 ? 1 : 0;
    const logit =
      -1.9 +
      0.09 * (age - 38) -
      1.1 * active +
      (geography === 'Germany' ? 0.8 : 0) +
      (gender === 'Female' ? 0.55 : 0) +
      (balance > 0 ? 0.25 : 0) -
      0.0007 * (creditScore - 650) +
      productEffect[products]!;
    data.push([
      index + 1,
      15_565_701 + random.integer(0, 250_000),
      random.pick(
        surnames,
        surnames.map(() => 1),
      ),
      creditScore,
      geography,
      gender,
      age,
      random.integer(0, 10),
      balance,
      products,
      random.next() < 0.7 ? 1 : 0,
      active,
      round2(11.58 + random.next() * 199_980),
    ]);
    labels.push(random.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0);
  }
  return { rows: data, labels };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
