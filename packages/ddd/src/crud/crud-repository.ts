import type { PgTable } from 'drizzle-orm/pg-core';
import type { Connection } from '../database/database';
import { TableRepository } from '../repositories/table-repository';
import type { ItemKey } from './item-key';

type Values = Record<string, unknown>;

/** The repository a CRUD resource works through, on any table, with the upsert of `PATCH /`. */
export class CRUDRepository extends TableRepository<PgTable> {
  constructor(
    readonly table: PgTable,
    connection: Connection,
  ) {
    super(connection);
  }

  /** Inserts the row, or, when its key exists already, sets the fields it gives. */
  async upsert(key: ItemKey, row: Values): Promise<Values> {
    const { [key.property]: id, ...fields } = row;
    const insert = this.connection.insert(this.table).values(row);
    if (id === undefined) return this.single(insert.returning());
    const set = Object.keys(fields).length > 0 ? fields : { [key.property]: id };
    return this.single(insert.onConflictDoUpdate({ target: key.column, set }).returning());
  }

  private async single(query: PromiseLike<Values[]>): Promise<Values> {
    const [row] = await this.guard(query);
    return row!;
  }
}
