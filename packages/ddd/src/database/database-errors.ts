import { DataError, IntegrityError, type IntegrityViolation } from '../errors';

const violations: Record<string, IntegrityViolation> = {
  '23505': 'unique',
  '23503': 'foreign-key',
  '23502': 'not-null',
  '23514': 'check',
};

/** The fields of a PostgreSQL error as postgres.js (`table_name`) and PGlite (`table`) spell them. */
interface DriverError {
  code?: unknown;
  table?: unknown;
  table_name?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
}

/**
 * The typed error a database error stands for: IntegrityError for a constraint violation (SQLSTATE 23505,
 * 23503, 23502, 23514), DataError for a refused value (class 22); else the error itself. Drizzle wraps driver
 * errors (with the query and its parameters) in `cause`: only the cause is read, and neither is kept.
 */
export function translateDatabaseError(error: unknown, fallbackTable: string): unknown {
  const driver = (error instanceof Error && error.cause) || error;
  if (typeof driver !== 'object' || driver === null) return error;
  const fields = driver as DriverError;
  if (typeof fields.code !== 'string') return error;
  const table = text(fields.table_name) ?? text(fields.table) ?? fallbackTable;
  const violation = violations[fields.code];
  if (violation)
    return new IntegrityError(violation, table, text(fields.constraint_name) ?? text(fields.constraint));
  if (fields.code.startsWith('22')) return new DataError(table, fields.code);
  return error;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
