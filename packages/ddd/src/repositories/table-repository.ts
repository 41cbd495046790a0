import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Connection } from '../database/database';
import { translateDatabaseError } from '../database/database-errors';
import { MultipleRecordsError, NotFoundError } from '../errors';
import { drizzleOrm } from '../optional-package';
import { type ColumnName, type Filters, type NewTableRow, type TableRow, whereOf } from './filters';
import { afterKey, type KeyColumn, primaryKeyOf } from './primary-key';
import type { ListOptions, Repository, StreamOptions } from './repository';

/**
 * A repository over one drizzle table. Subclass it, set `table`, and add methods of your own; inside a worker's
 * unit of work `connection` is its transaction, so your methods run in it too:
 *
 * ```ts
 * class UserRepository extends TableRepository<typeof users> {
 *   table = users;
 *   countActive() { return this.count({ active: true }); }
 * }
 * ```
 * It needs drizzle-orm (an optional peer dependency of @flama/ddd), loaded on first use.
 */
export abstract class TableRepository<T extends PgTable>
  implements Repository<TableRow<T>, NewTableRow<T>, Filters<T>, ColumnName<T>>
{
  abstract readonly table: T;

  constructor(protected readonly connection: Connection) {
    if (!connection) {
      throw new TypeError(
        `${new.target.name} needs a connection: database.drizzle, or a worker given a Database (new MyWorker(database)).`,
      );
    }
  }

  create(...rows: NewTableRow<T>[]): Promise<TableRow<T>[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return this.guard(this.connection.insert(this.table).values(rows).returning()) as Promise<TableRow<T>[]>;
  }

  async retrieve(filters: Filters<T>): Promise<TableRow<T>> {
    return this.one(await this.guard(this.select(filters).limit(2))) as TableRow<T>;
  }

  update(values: Partial<NewTableRow<T>>, filters: Filters<T>): Promise<TableRow<T>[]> {
    if (!Object.values(values).some((value) => value !== undefined)) {
      throw new TypeError(`Nothing to update in "${this.name}": no value is defined.`);
    }
    const query = this.connection.update(this.table).set(values).where(whereOf(this.table, filters));
    return this.guard(query.returning()) as Promise<TableRow<T>[]>;
  }

  async delete(filters: Filters<T>): Promise<void> {
    const keys = primaryKeyOf(this.table);
    const selection = Object.fromEntries(keys.map(({ property, column }) => [property, column]));
    const query = this.connection.select(selection).from(this.table as PgTable);
    const key = this.one(await this.guard(query.where(whereOf(this.table, filters)).limit(2)));
    await this.guard(this.connection.delete(this.table).where(whereOf(this.table, key as Filters<T>)));
  }

  list(filters: Filters<T>, options: ListOptions<ColumnName<T>>): Promise<TableRow<T>[]> {
    const { limit, offset = 0, orderBy, direction = 'asc' } = options;
    const { asc, desc } = drizzleOrm();
    const order = direction === 'desc' ? desc : asc;
    const keys = primaryKeyOf(this.table).map(({ column }) => column);
    const columns = orderBy ? [this.column(orderBy), ...keys] : keys;
    const query = this.select(filters)
      .orderBy(...columns.map((column) => order(column)))
      .limit(limit)
      .offset(offset);
    return this.guard(query) as Promise<TableRow<T>[]>;
  }

  async *stream(filters?: Filters<T>, options: StreamOptions = {}): AsyncGenerator<TableRow<T>> {
    const batchSize = options.batchSize ?? 100;
    const { asc, sql } = drizzleOrm();
    const keys = primaryKeyOf(this.table);
    const where = whereOf(this.table, filters);
    let last: Record<string, unknown> | undefined;
    while (true) {
      const after = last && afterKey(keys, last);
      const query = this.connection
        .select()
        .from(this.table as PgTable)
        .where(where && after ? sql`${where} and ${after}` : (where ?? after))
        .orderBy(...keys.map(({ column }) => asc(column)))
        .limit(batchSize);
      const batch = (await this.guard(query)) as TableRow<T>[];
      yield* batch;
      if (batch.length < batchSize) return;
      last = batch[batch.length - 1] as Record<string, unknown>;
    }
  }

  count(filters?: Filters<T>): Promise<number> {
    return this.guard(this.connection.$count(this.table, whereOf(this.table, filters)));
  }

  async drop(filters?: Filters<T>): Promise<number> {
    const [key] = primaryKeyOf(this.table) as [KeyColumn];
    const { sql } = drizzleOrm();
    const query = this.connection.delete(this.table).where(whereOf(this.table, filters));
    // Counted in SQL, so that dropping a large table does not send every deleted key back.
    const deleted = this.connection.$with('deleted').as(query.returning({ key: key.column }));
    const counted = this.connection.with(deleted).select({ count: sql<number>`count(*)::int` }).from(deleted);
    const [row] = await this.guard(counted);
    return row?.count ?? 0;
  }

  /** The table's name, as errors show it. */
  protected get name(): string {
    return drizzleOrm().getTableName(this.table);
  }

  /** Runs a query, turning constraint violations into IntegrityError. */
  protected async guard<R>(query: PromiseLike<R>): Promise<R> {
    try {
      return await query;
    } catch (error) {
      throw translateDatabaseError(error, this.name);
    }
  }

  private select(filters: Filters<T>) {
    return this.connection
      .select()
      .from(this.table as PgTable)
      .where(whereOf(this.table, filters));
  }

  private one<R>(rows: R[]): R {
    if (rows.length === 0) throw new NotFoundError(this.name);
    if (rows.length > 1) throw new MultipleRecordsError(this.name);
    return rows[0]!;
  }

  private column(name: string): PgColumn {
    const columns: Record<string, PgColumn> = drizzleOrm().getTableColumns(this.table);
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (!column) throw new TypeError(`"${this.name}" has no column "${name}" to order by.`);
    return column;
  }
}
