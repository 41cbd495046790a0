/** A churn row: the 13 feature columns in CSV order; `null` is a missing value. */
export type ChurnRow = readonly (number | string | null)[];

/** Rows with their targets (`Exited`: 1 when the customer left). */
export interface ChurnData {
  readonly rows: readonly ChurnRow[];
  readonly labels: readonly (0 | 1)[];
}

/**
 * How the model uses each column: identifiers are model inputs the graph ignores (as a ColumnTransformer
 * with `remainder='drop'` does), numbers are imputed and scaled, categories are one-hot encoded.
 */
export type ColumnRole = 'ignored' | 'numeric' | 'categorical';

export interface ChurnColumn {
  readonly name: string;
  readonly type: 'number' | 'string';
  readonly role: ColumnRole;
}

export const churnColumns: readonly ChurnColumn[] = [
  { name: 'RowNumber', type: 'number', role: 'ignored' },
  { name: 'CustomerId', type: 'number', role: 'ignored' },
  { name: 'Surname', type: 'string', role: 'ignored' },
  { name: 'CreditScore', type: 'number', role: 'numeric' },
  { name: 'Geography', type: 'string', role: 'categorical' },
  { name: 'Gender', type: 'string', role: 'categorical' },
  { name: 'Age', type: 'number', role: 'numeric' },
  { name: 'Tenure', type: 'number', role: 'numeric' },
  { name: 'Balance', type: 'number', role: 'numeric' },
  { name: 'NumOfProducts', type: 'number', role: 'numeric' },
  { name: 'HasCrCard', type: 'number', role: 'numeric' },
  { name: 'IsActiveMember', type: 'number', role: 'numeric' },
  { name: 'EstimatedSalary', type: 'number', role: 'numeric' },
];

export const targetColumn = 'Exited';

/** Positions in a ChurnRow of the columns with a role. */
export function columnIndexes(role: ColumnRole): number[] {
  return churnColumns.flatMap((column, index) => (column.role === role ? [index] : []));
}
