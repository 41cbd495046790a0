import { type ChurnRow, churnColumns, columnIndexes } from './churn-columns';
import { ChurnDataError } from './errors';

/** What the preprocessing learnt from the training rows; the ONNX graph holds the same numbers. */
export interface Preprocessing {
  /** Numeric columns: missing values become `means`, then `(value - mean) / deviation`. */
  readonly numeric: readonly { index: number; name: string; mean: number; deviation: number }[];
  /** Categorical columns: one 0/1 feature per category seen in training (sorted); others are all zeros. */
  readonly categorical: readonly { index: number; name: string; categories: readonly string[] }[];
  /** The name of every feature the classifier sees, in order. */
  readonly features: readonly string[];
}

/** Fits mean imputation, standard scaling and one-hot encoding, as scikit-learn's SimpleImputer, StandardScaler and OneHotEncoder do. */
export function fitPreprocessing(rows: readonly ChurnRow[]): Preprocessing {
  const numeric = columnIndexes('numeric').map((index) => {
    const values = rows.map((row) => numberAt(row, index)).filter((value) => value !== null);
    const name = churnColumns[index]!.name;
    if (values.length === 0) throw new ChurnDataError(`Column ${name} has no values to learn from`);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    // Imputed values sit at the mean: they count in the number of rows, not in the squared deviations.
    const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
    const deviation = Math.sqrt(squares / rows.length);
    return { index, name, mean, deviation: deviation > 0 ? deviation : 1 };
  });
  const categorical = columnIndexes('categorical').map((index) => {
    const seen = new Set(rows.map((row) => categoryAt(row, index)).filter((value) => value !== ''));
    const name = churnColumns[index]!.name;
    if (seen.size === 0) throw new ChurnDataError(`Column ${name} has no categories to learn from`);
    return { index, name, categories: [...seen].sort() };
  });
  const features = [
    ...numeric.map(({ name }) => name),
    ...categorical.flatMap(({ name, categories }) => categories.map((category) => `${name}=${category}`)),
  ];
  return { numeric, categorical, features };
}

/** The classifier's features for one row. */
export function transformRow(preprocessing: Preprocessing, row: ChurnRow): number[] {
  const features = preprocessing.numeric.map(
    ({ index, mean, deviation }) => ((numberAt(row, index) ?? mean) - mean) / deviation,
  );
  for (const { index, categories } of preprocessing.categorical) {
    const value = categoryAt(row, index);
    for (const category of categories) features.push(value === category ? 1 : 0);
  }
  return features;
}

function numberAt(row: ChurnRow, index: number): number | null {
  const value = row[index];
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) return null;
  if (typeof value === 'number') return value;
  throw new ChurnDataError(
    `Column ${churnColumns[index]!.name}: expected a number or null, got ${JSON.stringify(value)}`,
  );
}

function categoryAt(row: ChurnRow, index: number): string {
  const value = row[index];
  if (value === null) return '';
  if (typeof value === 'string') return value;
  throw new ChurnDataError(
    `Column ${churnColumns[index]!.name}: expected a string or null, got ${JSON.stringify(value)}`,
  );
}
