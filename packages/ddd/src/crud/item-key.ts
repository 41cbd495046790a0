import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { drizzleOrm } from '../optional-package';
import { primaryKeyOf } from '../repositories/primary-key';
import { columnKind } from './column-kinds';

/** How a CRUD resource finds one item: its primary key's property and the path segment holding it. */
export interface ItemKey {
  property: string;
  column: PgColumn;
  /** `{id:uuid}`, `{id:int}` or `{id}`: an id of the wrong type matches no route (404). */
  segment: string;
  /** Whether the id can exist in the column at all (an integer out of its range cannot). */
  fits(id: unknown): boolean;
}

const segments: Record<string, string> = {
  PgUUID: '{id:uuid}',
  PgInteger: '{id:int}',
  PgSerial: '{id:int}',
  PgSmallInt: '{id:int}',
  PgSmallSerial: '{id:int}',
  PgBigInt53: '{id:int}',
  PgBigSerial53: '{id:int}',
  PgText: '{id}',
  PgVarchar: '{id}',
  PgChar: '{id}',
};

export function itemKey(table: PgTable): ItemKey {
  const keys = primaryKeyOf(table);
  const segment = keys.length === 1 ? segments[keys[0]!.column.columnType] : undefined;
  if (!segment) {
    throw new TypeError(
      `A CRUD resource needs a single-column primary key of type uuid, integer or text; "${drizzleOrm().getTableName(table)}" has none.`,
    );
  }
  const { property, column } = keys[0]!;
  const kind = columnKind(column)!;
  return { property, column, segment, fits: (id) => kind.value.safeParse(id).success };
}
