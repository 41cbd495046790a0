import { z } from 'zod';

/** Largest page a client may ask for (`page_size`, `limit`): bounds the work one request can cause. */
export const MAX_PAGE_SIZE = 100;

const countFlag = z.boolean().default(false).describe('Also count every matching item (costs a query).');

/** Query of page-number pagination: `?page=2&page_size=20&count=true`. */
export const pageNumberPagination = z.object({
  page: z.int().min(1).default(1).describe('Page to return, from 1.'),
  page_size: z.int().min(1).max(MAX_PAGE_SIZE).default(10).describe('Items per page.'),
  count: countFlag,
});

/** Query of limit-offset pagination: `?limit=20&offset=40&count=true`. */
export const limitOffsetPagination = z.object({
  limit: z.int().min(1).max(MAX_PAGE_SIZE).default(10).describe('Items to return.'),
  offset: z.int().min(0).default(0).describe('Items to skip.'),
  count: countFlag,
});

const total = z
  .int()
  .min(0)
  .nullable()
  .describe('Number of matching items; null unless the query asked for it.');

export const pageNumberMeta = z
  .object({ page: z.int().min(1), page_size: z.int().min(1), count: total })
  .meta({ id: 'PageNumberMeta', description: 'Where this page sits in a page-number paginated collection.' });

export const limitOffsetMeta = z
  .object({ limit: z.int().min(1), offset: z.int().min(0), count: total })
  .meta({
    id: 'LimitOffsetMeta',
    description: 'Where this slice sits in a limit-offset paginated collection.',
  });

export type PaginationKind = 'page-number' | 'limit-offset';

export type Paginated<T extends z.ZodType, K extends PaginationKind> = z.ZodObject<{
  meta: K extends 'limit-offset' ? typeof limitOffsetMeta : typeof pageNumberMeta;
  data: z.ZodArray<T>;
}>;

// One response schema per item schema and kind, so two routes paginating the same items share it.
const cache = new WeakMap<z.ZodType, Partial<Record<PaginationKind, z.ZodObject>>>();

/** Response of a paginated list: `{ meta: {...}, data: [item, ...] }`. */
export function paginated<T extends z.ZodType, K extends PaginationKind = 'page-number'>(
  item: T,
  kind: K = 'page-number' as K,
): Paginated<T, K> {
  let byKind = cache.get(item);
  if (!byKind) {
    byKind = {};
    cache.set(item, byKind);
  }
  byKind[kind] ??= z.object({
    meta: kind === 'limit-offset' ? limitOffsetMeta : pageNumberMeta,
    data: z.array(item),
  });
  return byKind[kind] as Paginated<T, K>;
}
