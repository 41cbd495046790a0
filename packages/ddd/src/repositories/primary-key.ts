import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { drizzleOrm, drizzlePgCore } from '../optional-package';

/** A primary-key column and the property rows hold it under. */
export interface KeyColumn {
  property: string;
  column: PgColumn;
}

const cache = new WeakMap<PgTable, KeyColumn[]>();

/** The primary key's columns (one, or several for a composite key); throws for a table without one. */
export function primaryKeyOf(table: PgTable): KeyColumn[] {
  let keys = cache.get(table);
  if (!keys) {
    const { getTableColumns, getTableName } = drizzleOrm();
    const { getTableConfig } = drizzlePgCore();
    const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>);
    // A composite key holds copies of the columns (drizzle's extra-config columns): compare by name.
    const composite = new Set(getTableConfig(table).primaryKeys[0]?.columns.map((column) => column.name));
    keys = columns
      .filter(([, column]) => column.primary || composite.has(column.name))
      .map(([property, column]) => ({ property, column }));
    if (keys.length === 0) {
      throw new TypeError(`Table "${getTableName(table)}" has no primary key; repositories need one.`);
    }
    cache.set(table, keys);
  }
  return keys;
}

/** The condition "after this row" in primary-key order, for keyset pagination. */
export function afterKey(keys: KeyColumn[], row: Record<string, unknown>): SQL {
  const { gt, Param, sql } = drizzleOrm();
  if (keys.length === 1) return gt(keys[0]!.column, row[keys[0]!.property]);
  const columns = sql.join(
    keys.map(({ column }) => column),
    sql`, `,
  );
  const values = sql.join(
    keys.map(({ property, column }) => new Param(row[property], column)),
    sql`, `,
  );
  return sql`(${columns}) > (${values})`;
}
