import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/** How a column can be filtered from a query string: the schema its values are read with, and how it compares. */
export interface ColumnKind {
  value: z.ZodType;
  /** Compares with gt, gte, lt, lte. */
  ordered: boolean;
  /** Compares with contains, startswith, endswith. */
  text: boolean;
}

const INT4 = 2 ** 31;
const INT2 = 2 ** 15;
const parsableDate = (text: string) => !Number.isNaN(new Date(text).getTime());

/**
 * The kind of a column, or undefined when a query string can't carry its values (json, arrays, geometry…).
 * Values are bounded by the column's type, so that the database never refuses one (a 500) after the check.
 */
export function columnKind(column: PgColumn): ColumnKind | undefined {
  const enumValues = column.enumValues as [string, ...string[]] | undefined;
  switch (column.columnType) {
    case 'PgText':
    case 'PgVarchar':
    case 'PgChar':
      return enumValues?.length ? kind(z.enum(enumValues), false) : kind(z.string(), true, true);
    case 'PgEnumColumn':
    case 'PgEnumObjectColumn':
      return kind(z.enum(enumValues!), false);
    case 'PgUUID':
      return kind(z.uuid(), false);
    case 'PgBoolean':
      return kind(z.boolean(), false);
    case 'PgSmallInt':
    case 'PgSmallSerial':
      return kind(
        z
          .int()
          .min(-INT2)
          .max(INT2 - 1),
        true,
      );
    case 'PgInteger':
    case 'PgSerial':
      return kind(
        z
          .int()
          .min(-INT4)
          .max(INT4 - 1),
        true,
      );
    case 'PgBigInt53':
    case 'PgBigSerial53':
      return kind(z.int(), true);
    case 'PgBigInt64':
    case 'PgBigSerial64':
    case 'PgNumericBigInt':
      return kind(
        z
          .bigint()
          .min(-(2n ** 63n))
          .max(2n ** 63n - 1n),
        true,
      );
    case 'PgReal':
    case 'PgDoublePrecision':
    case 'PgNumericNumber':
      return kind(z.number(), true);
    case 'PgNumeric':
      return kind(z.string().regex(/^[-+]?(\d+\.?\d*|\.\d+)$/, 'Expected a number'), true);
    case 'PgTimestamp':
    case 'PgDate':
      return kind(z.date(), true);
    case 'PgTimestampString':
    case 'PgDateString':
      return kind(z.string().refine(parsableDate, 'Expected a date (ISO 8601)'), true);
    default:
      return undefined;
  }
}

function kind(value: z.ZodType, ordered: boolean, text = false): ColumnKind {
  return { value, ordered, text };
}
