import { format } from './load';

export interface Target {
  text: string;
  pass: boolean;
}

/** One line of the serving report: what it measured, the figures it has, and its targets. */
export interface TableRow {
  label: string;
  conns?: number;
  requestsPerSecond?: number;
  p50?: number;
  p99?: number;
  /** Answers that were not 2xx (for a light client: its failed requests). */
  non2xx?: number;
  /** wrk's socket errors: connect, read, write, and timeouts (no answer within wrk's timeout). */
  socketErrors?: number;
  /** Rounds on a quiet machine out of those measured ("1/2"); medians are over the quiet ones, if any. */
  quiet?: string;
  /** A ratio or a figure that fits no column: "0.62× ceiling", "RSS 182 MB". */
  figure?: string;
  targets?: Target[];
}

const columns: [string, (row: TableRow) => string, 'left' | 'right'][] = [
  ['', (row) => row.label, 'left'],
  ['conns', (row) => (row.conns === undefined ? '' : String(row.conns)), 'right'],
  ['req/s', (row) => number(row.requestsPerSecond, row.requestsPerSecond! < 100 ? 1 : 0), 'right'],
  ['p50 ms', (row) => number(row.p50, 2), 'right'],
  ['p99 ms', (row) => number(row.p99, 2), 'right'],
  ['non-2xx', (row) => (row.non2xx === undefined ? '' : String(row.non2xx)), 'right'],
  ['sock err', (row) => (row.socketErrors === undefined ? '' : String(row.socketErrors)), 'right'],
  ['quiet', (row) => row.quiet ?? '', 'right'],
  ['', (row) => row.figure ?? '', 'left'],
  [
    'target',
    (row) => (row.targets ?? []).map((t) => `${t.text} ${t.pass ? 'PASS' : 'MISS'}`).join('; '),
    'left',
  ],
];

/** Prints the rows as one table; a string is a section heading across it. */
export function printServingTable(rows: readonly (TableRow | string)[], log: (line: string) => void): void {
  const cells = rows.map((row) => (typeof row === 'string' ? row : columns.map(([, cell]) => cell(row))));
  const widths = columns.map(([title], index) =>
    Math.max(title.length, ...cells.flatMap((row) => (typeof row === 'string' ? [] : [row[index]!.length]))),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) =>
        columns[index]![2] === 'left' ? value.padEnd(widths[index]!) : value.padStart(widths[index]!),
      )
      .join('  ')
      .trimEnd();
  log(line(columns.map(([title]) => title)));
  for (const row of cells) log(typeof row === 'string' ? row : line(row));
}

function number(value: number | undefined, digits: number): string {
  return value === undefined || Number.isNaN(value) ? '' : format(value, digits);
}
