import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { drizzleOrm } from '../optional-package';

export type TableRow<T extends PgTable> = T['$inferSelect'];
export type NewTableRow<T extends PgTable> = T['$inferInsert'];
export type ColumnName<T extends PgTable> = Extract<keyof TableRow<T>, string>;

/**
 * Which rows an operation concerns: equality by column (`{ email, active: true }`, `null` meaning IS NULL),
 * typed from the table so an unknown column does not compile, or any drizzle condition
 * (`and(gt(users.age, 18), like(users.email, '%@example.com'))`). `{}` means every row.
 */
export type Filters<T extends PgTable> = { [K in ColumnName<T>]?: TableRow<T>[K] } | SQL;

/** The WHERE condition of `filters`, or undefined for every row. */
export function whereOf<T extends PgTable>(table: T, filters: Filters<T> | undefined): SQL | undefined {
  if (filters === undefined) return undefined;
  const { and, eq, getTableColumns, getTableName, is, isNull, SQL } = drizzleOrm();
  // `is`, not instanceof: a condition built with drizzle's CommonJS build is an SQL too.
  if (is(filters, SQL)) return filters;
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const conditions: SQL[] = [];
  for (const [name, value] of Object.entries(filters)) {
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (!column) {
      throw new TypeError(
        `"${getTableName(table)}" has no column "${name}"; its columns are ${Object.keys(columns).join(', ')}.`,
      );
    }
    // An undefined filter is a bug in the caller: ignoring it would widen the operation to every row.
    if (value === undefined) throw new TypeError(`The filter "${name}" is undefined; pass null for IS NULL.`);
    conditions.push(value === null ? isNull(column) : eq(column, value));
  }
  return conditions.length === 1 ? conditions[0] : and(...conditions);
}
