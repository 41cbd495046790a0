import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { limitOffsetPagination, pageNumberPagination, paginated } from './pagination';
import { stringInputParser } from './string-input/parser';
import { ValidationError } from './validation-error';

describe('pagination query schemas', () => {
  it('page-number defaults to page 1 of 10, without counting', () => {
    const parse = stringInputParser(pageNumberPagination, 'query');
    expect(parse({})).toEqual({ page: 1, page_size: 10, count: false });
    expect(parse({ page: '3', page_size: '25', count: 'true' })).toEqual({
      page: 3,
      page_size: 25,
      count: true,
    });
  });

  it('limit-offset defaults to the first 10, without counting', () => {
    const parse = stringInputParser(limitOffsetPagination, 'query');
    expect(parse({})).toEqual({ limit: 10, offset: 0, count: false });
    expect(parse({ limit: '5', offset: '40', count: '1' })).toEqual({ limit: 5, offset: 40, count: true });
  });

  it('caps the page size at 100 and rejects pages before the first', () => {
    const parse = stringInputParser(pageNumberPagination, 'query');
    expect(() => parse({ page_size: '101' })).toThrow(ValidationError);
    expect(() => parse({ page: '0' })).toThrow(ValidationError);
    expect(() => stringInputParser(limitOffsetPagination, 'query')({ offset: '-1' })).toThrow(
      ValidationError,
    );
  });
});

describe('paginated', () => {
  const item = z.object({ id: z.int() });

  it('describes { meta, data } with a nullable count', () => {
    expect(
      paginated(item).parse({ meta: { page: 1, page_size: 10, count: null }, data: [{ id: 1 }] }),
    ).toEqual({
      meta: { page: 1, page_size: 10, count: null },
      data: [{ id: 1 }],
    });
    const slice = { meta: { limit: 10, offset: 0, count: 42 }, data: [] };
    expect(paginated(item, 'limit-offset').parse(slice)).toEqual(slice);
    expect(
      paginated(item, 'limit-offset').safeParse({ meta: { page: 1, page_size: 10, count: 0 }, data: [] })
        .success,
    ).toBe(false);
  });

  it('types meta by kind', () => {
    expectTypeOf<z.output<ReturnType<typeof paginated<typeof item, 'limit-offset'>>>>().toEqualTypeOf<{
      meta: { limit: number; offset: number; count: number | null };
      data: { id: number }[];
    }>();
    expectTypeOf<z.output<ReturnType<typeof paginated<typeof item>>>['meta']>().toEqualTypeOf<{
      page: number;
      page_size: number;
      count: number | null;
    }>();
  });

  it('returns one schema per item schema and kind', () => {
    expect(paginated(item)).toBe(paginated(item, 'page-number'));
    expect(paginated(item, 'limit-offset')).not.toBe(paginated(item));
  });
});
