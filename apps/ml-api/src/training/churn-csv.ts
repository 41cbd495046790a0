import { type ChurnData, type ChurnRow, churnColumns, targetColumn } from './churn-columns';
import { parseCsv } from './csv';
import { ChurnDataError } from './errors';

const header = [...churnColumns.map(({ name }) => name), targetColumn];

/**
 * Reads the churn CSV: the header must list the 13 columns and `Exited`, in that order. An empty numeric
 * field (or NA, NaN) is a missing value; `Exited` must be 0 or 1.
 */
export function readChurnCsv(text: string): ChurnData {
  const [first, ...records] = parseCsv(text);
  if (first?.join(',') !== header.join(',')) {
    throw new ChurnDataError(`Expected the header ${header.join(',')}; got ${first?.join(',') ?? 'nothing'}`);
  }
  const rows: ChurnRow[] = [];
  const labels: (0 | 1)[] = [];
  records.forEach((record, index) => {
    const line = index + 2;
    if (record.length !== header.length) {
      throw new ChurnDataError(`Line ${line} has ${record.length} fields; expected ${header.length}`);
    }
    rows.push(
      churnColumns.map((column, position) => cell(record[position]!, column.type, line, column.name)),
    );
    labels.push(label(record[header.length - 1]!, line));
  });
  return { rows, labels };
}

function cell(text: string, type: 'number' | 'string', line: number, column: string): number | string | null {
  if (type === 'string') return text;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'NA' || trimmed === 'NaN') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    throw new ChurnDataError(`Line ${line}, column ${column}: expected a number, got "${text}"`);
  }
  return value;
}

function label(text: string, line: number): 0 | 1 {
  if (text === '0' || text === '1') return text === '1' ? 1 : 0;
  throw new ChurnDataError(`Line ${line}, column ${targetColumn}: expected 0 or 1, got "${text}"`);
}
