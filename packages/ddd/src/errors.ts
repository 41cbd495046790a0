import { HTTPException } from '@flama/routing';

// biome-ignore lint/suspicious/noExplicitAny: constructor parameters of any error class must be accepted here.
type ErrorClass<E> = abstract new (...args: any[]) => E;

/** Base of every error a repository raises. */
export class RepositoryError extends Error {
  override name = 'RepositoryError';

  /**
   * For `.catch()` at the HTTP edge: turns an error of this class into an HTTPException with `status` (and the
   * status text as detail, unless one is given) and rethrows anything else unchanged:
   * `await user.retrieve({ email }).catch(NotFoundError.rethrowAs(404))`.
   */
  static rethrowAs<E extends Error>(this: ErrorClass<E>, status: number, detail?: string) {
    return (error: unknown): never => {
      // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass it is called on (NotFoundError…).
      if (error instanceof this) throw new HTTPException(status, detail);
      throw error;
    };
  }
}

/** No row (or remote resource) matched what was asked for. */
export class NotFoundError extends RepositoryError {
  override name = 'NotFoundError';
  /** Uncaught in a handler, a 404 with this message (routing's convention for errors with an HTTP status). */
  readonly status = 404;
  readonly expose = true;

  constructor(readonly resource: string) {
    super(`No ${resource} matches the given filters.`);
  }
}

/** A query meant to find one row found several. */
export class MultipleRecordsError extends RepositoryError {
  override name = 'MultipleRecordsError';
  /** Uncaught in a handler, a 400 with this message: the caller's data is at fault. */
  readonly status = 400;
  readonly expose = true;

  constructor(readonly resource: string) {
    super(`More than one ${resource} matches the given filters; narrow them to find exactly one.`);
  }
}

export type IntegrityViolation = 'unique' | 'foreign-key' | 'not-null' | 'check' | 'rejected';

const violations: Record<IntegrityViolation, string> = {
  unique: 'a value that must be unique already exists',
  'foreign-key': 'a referenced row is missing, or the row is still referenced',
  'not-null': 'a required value is missing',
  check: 'a value breaks a check constraint',
  rejected: 'the data was rejected',
};

/**
 * The database (or a remote resource) refused the data: a unique, foreign-key, not-null or check constraint.
 * The message names the table and the constraint, never the offending values.
 */
export class IntegrityError extends RepositoryError {
  override name = 'IntegrityError';
  /** Uncaught in a handler, a 400 with this message: the caller's data is at fault. */
  readonly status = 400;
  readonly expose = true;

  constructor(
    readonly violation: IntegrityViolation,
    readonly table: string,
    readonly constraint: string | undefined,
  ) {
    const where = constraint ? `constraint "${constraint}" of "${table}"` : `"${table}"`;
    super(`Integrity error on ${where}: ${violations[violation]}.`);
  }
}

const dataProblems: Record<string, string> = {
  '22001': 'a value is too long for its column',
  '22003': 'a number is out of range for its column',
  '22007': 'a date or time has the wrong format',
  '22008': 'a date or time is out of range',
  '22021': 'a text holds a character the database cannot store',
  '22P02': 'a value has the wrong format for its column',
  '22P05': 'a text holds a character the database cannot store',
};

/**
 * The database refused a value (SQLSTATE class 22: too long, out of range, malformed, a NUL character…).
 * Like IntegrityError it is the caller's data at fault, a 400 at the HTTP edge; the message never holds the value.
 */
export class DataError extends RepositoryError {
  override name = 'DataError';
  /** Uncaught in a handler, a 400 with this message: the caller's data is at fault. */
  readonly status = 400;
  readonly expose = true;

  constructor(
    readonly table: string,
    readonly sqlState: string,
  ) {
    super(
      `Invalid data for "${table}": ${dataProblems[sqlState] ?? 'a value is invalid'} (SQLSTATE ${sqlState}).`,
    );
  }
}
