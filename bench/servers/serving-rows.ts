import { CHURN_ROW } from './ml-model';

/** What the churn model answers for CHURN_ROW, which the ceiling server answers without a model. */
export const CHURN_PREDICTION = { output: [0] };

const countries = ['France', 'Spain', 'Germany'];
const genders = ['Female', 'Male'];

/**
 * `count` churn customers (CHURN_ROW's columns), varied deterministically within the data set's ranges so
 * that the model sees distinct rows.
 */
export function churnRows(count: number): (string | number)[][] {
  return Array.from({ length: count }, (_, i) => {
    const row = [...CHURN_ROW];
    row[0] = i + 1;
    row[1] = 15_600_000 + i;
    row[3] = 350 + ((i * 37) % 501);
    row[4] = countries[i % countries.length]!;
    row[5] = genders[(i >> 1) % genders.length]!;
    row[6] = 18 + ((i * 7) % 75);
    row[7] = i % 11;
    row[8] = (i * 7919) % 250_000;
    row[9] = 1 + (i % 4);
    row[10] = i % 2;
    row[11] = (i >> 2) % 2;
    row[12] = Math.round(((i * 104_729) % 200_000) * 100 + 58) / 100;
    return row;
  });
}
