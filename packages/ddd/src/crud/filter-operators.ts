import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ColumnKind } from './column-kinds';

export type OperatorName =
  | 'eq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'in'
  | 'contains'
  | 'startswith'
  | 'endswith'
  | 'isnull';

interface Operator {
  /** Which columns it compares. */
  appliesTo(kind: ColumnKind): boolean;
  /** `orm`: drizzle-orm, loaded when a resource first filters (an optional peer dependency). */
  condition(column: PgColumn, value: unknown, orm: typeof import('drizzle-orm')): SQL;
}

const any = () => true;
const ordered = (kind: ColumnKind) => kind.ordered;
const text = (kind: ColumnKind) => kind.text;

/** `%`, `_` and `\` in a value are matched as themselves, not as LIKE wildcards. */
const literal = (value: unknown) => String(value).replace(/[\\%_]/g, '\\$&');

/** The operators a filter value may start with (`?age=gte:18`), in the order they are listed to users. */
export const operators: Record<OperatorName, Operator> = {
  eq: { appliesTo: any, condition: (column, value, { eq }) => eq(column, value) },
  gt: { appliesTo: ordered, condition: (column, value, { gt }) => gt(column, value) },
  gte: { appliesTo: ordered, condition: (column, value, { gte }) => gte(column, value) },
  lt: { appliesTo: ordered, condition: (column, value, { lt }) => lt(column, value) },
  lte: { appliesTo: ordered, condition: (column, value, { lte }) => lte(column, value) },
  in: { appliesTo: any, condition: (column, values, { inArray }) => inArray(column, values as unknown[]) },
  contains: { appliesTo: text, condition: (column, value, { like }) => like(column, `%${literal(value)}%`) },
  startswith: { appliesTo: text, condition: (column, value, { like }) => like(column, `${literal(value)}%`) },
  endswith: { appliesTo: text, condition: (column, value, { like }) => like(column, `%${literal(value)}`) },
  isnull: { appliesTo: any, condition: (column, _, { isNull }) => isNull(column) },
};

export function isOperatorName(name: string): name is OperatorName {
  return Object.hasOwn(operators, name);
}

/** The operators a column of this kind answers, by name. */
export function operatorsFor(kind: ColumnKind): OperatorName[] {
  return (Object.keys(operators) as OperatorName[]).filter((name) => operators[name].appliesTo(kind));
}
