import { HTTPException } from '@flama/routing';
import type { PaginationKind } from '@flama/schema';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Database } from '../database/database';
import { rethrowAsHTTP } from '../http-errors';
import { CRUDRepository } from './crud-repository';
import { type ItemKey, itemKey } from './item-key';
import { QueryFilters } from './query-filters';

export interface CRUDResourceOptions {
  /** Prefix of the route names (`user:create`, `user:list`…). */
  name: string;
  /** Human name, the OpenAPI tag of the routes. */
  verboseName?: string;
  description?: string;
  /** The table; it needs a single-column primary key (uuid, integer or text). */
  table: PgTable;
  /** Validates created and replaced items (`PATCH /{id}/` takes any part of it). */
  input: z.ZodObject;
  /** What items look like to clients: undeclared columns (a password hash) never leave; its columns can be filtered and ordered. */
  output: z.ZodObject;
  /** `GET /` paginates by page number (default, `?page=&page_size=`) or by `?limit=&offset=`. */
  pagination?: PaginationKind;
}

/** The query parameters of each kind of pagination: the other kind's are unknown parameters (400), not ignored. */
const PAGINATION_PARAMETERS = {
  'page-number': ['page', 'page_size', 'count'],
  'limit-offset': ['limit', 'offset', 'count'],
} as const;
export const ORDER_PARAMETER = 'order';

/** What every route of a CRUD resource shares, built once. */
export class CRUDContext {
  readonly key: ItemKey;
  readonly filters: QueryFilters;
  readonly verbose: string;

  constructor(readonly options: CRUDResourceOptions) {
    this.key = itemKey(options.table);
    this.filters = new QueryFilters(options.table, options.output, [
      ...PAGINATION_PARAMETERS[options.pagination ?? 'page-number'],
      ORDER_PARAMETER,
    ]);
    this.verbose = options.verboseName ?? options.name;
  }

  /** Runs `work` in one transaction on the table, answering repository errors as HTTP errors (404, 400). */
  transaction<R>(database: Database, work: (repository: CRUDRepository) => Promise<R>): Promise<R> {
    return database
      .transaction((connection) => work(new CRUDRepository(this.options.table, connection)))
      .catch(rethrowAsHTTP);
  }

  /** As `transaction`, for work of one statement, atomic by itself: it saves the BEGIN and COMMIT round trips. */
  statement<R>(database: Database, work: (repository: CRUDRepository) => Promise<R>): Promise<R> {
    return work(new CRUDRepository(this.options.table, database.drizzle)).catch(rethrowAsHTTP);
  }

  /** The filter on the item a path names; a 404 for an id the key's column could not hold. */
  item(id: unknown): Record<string, unknown> {
    if (!this.key.fits(id)) throw new HTTPException(404);
    return { [this.key.property]: id };
  }
}
