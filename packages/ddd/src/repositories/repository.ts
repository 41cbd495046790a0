export type Direction = 'asc' | 'desc';

/** One page of a list: `limit` rows from `offset`, ordered by a column (then by the primary key). */
export interface ListOptions<Column extends string> {
  limit: number;
  offset?: number;
  orderBy?: Column;
  direction?: Direction;
}

export interface StreamOptions {
  /** Rows read per query (default 100). */
  batchSize?: number;
}

/**
 * What every repository offers, whatever holds the data (a table, a remote resource).
 * `Filter` says which rows an operation concerns; `{}` means all of them.
 */
export interface Repository<Row, NewRow, Filter, Column extends string = Extract<keyof Row, string>> {
  /** Creates the rows and returns them as stored. IntegrityError when a constraint refuses one. */
  create(...rows: NewRow[]): Promise<Row[]>;
  /** The one row matching. NotFoundError when none does, MultipleRecordsError when several do. */
  retrieve(filters: Filter): Promise<Row>;
  /** Sets `values` on every row matching and returns them (none matching: an empty list). */
  update(values: Partial<NewRow>, filters: Filter): Promise<Row[]>;
  /** Deletes the one row matching. NotFoundError when none does, MultipleRecordsError when several do. */
  delete(filters: Filter): Promise<void>;
  /** One page of the rows matching. */
  list(filters: Filter, options: ListOptions<Column>): Promise<Row[]>;
  /** Every row matching, read in batches, in primary-key order. */
  stream(filters?: Filter, options?: StreamOptions): AsyncIterable<Row>;
  count(filters?: Filter): Promise<number>;
  /** Deletes every row matching (all without filters) and returns how many. */
  drop(filters?: Filter): Promise<number>;
}
