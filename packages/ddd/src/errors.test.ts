import { HTTPException } from '@flama/routing';
import { describe, expect, it } from 'vitest';
import { DataError, IntegrityError, MultipleRecordsError, NotFoundError } from './errors';
import { rethrowAsHTTP } from './http-errors';

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
};

describe('errors at the HTTP edge', () => {
  it('rethrowAs turns only its own class into an HTTPException', () => {
    const notFound = thrown(() => NotFoundError.rethrowAs(404)(new NotFoundError('user')));
    expect(notFound).toBeInstanceOf(HTTPException);
    expect(notFound).toMatchObject({ status: 404, detail: 'Not Found' });
    const other = new MultipleRecordsError('user');
    expect(thrown(() => NotFoundError.rethrowAs(404)(other))).toBe(other);
    expect(
      thrown(() => IntegrityError.rethrowAs(409, 'Taken')(new IntegrityError('unique', 'user', 'u'))),
    ).toMatchObject({ status: 409, detail: 'Taken' });
  });

  it('rethrowAsHTTP answers 404 for NotFoundError and 400 for the data errors', () => {
    expect(thrown(() => rethrowAsHTTP(new NotFoundError('user')))).toMatchObject({ status: 404 });
    const integrity = new IntegrityError('foreign-key', 'post', 'post_author_fk');
    expect(thrown(() => rethrowAsHTTP(integrity))).toMatchObject({ status: 400, detail: integrity.message });
    expect(thrown(() => rethrowAsHTTP(new DataError('user', '22001')))).toMatchObject({
      status: 400,
      detail: 'Invalid data for "user": a value is too long for its column (SQLSTATE 22001).',
    });
    const bug = new TypeError('bug');
    expect(thrown(() => rethrowAsHTTP(bug))).toBe(bug);
  });
});
