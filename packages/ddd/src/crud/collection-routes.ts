import type { AnyHandler, Resource } from '@flama/routing';
import { apiErrorSchema, limitOffsetPagination, pageNumberPagination, paginated } from '@flama/schema';
import { z } from 'zod';
import { Database } from '../database/database';
import type { Direction } from '../repositories/repository';
import { type CRUDContext, ORDER_PARAMETER } from './crud-context';

type Values = Record<string, unknown>;
interface CollectionArgs {
  query: Values & { page?: number; page_size?: number; limit?: number; offset?: number; count: boolean };
  body: Values[];
  database: Database;
  search: URLSearchParams;
}

const DropCollection = z.object({ deleted: z.int().min(0) }).meta({ id: 'DropCollection' });
const handler = (run: (args: CollectionArgs) => Promise<unknown>) => run as unknown as AnyHandler;
const refused = {
  400: {
    description: 'Invalid data, or a constraint refused it: nothing was changed.',
    schema: apiErrorSchema,
  },
};

/** `GET /` (paginated, filtered, ordered), `PUT /` (replace all), `PATCH /` (upsert), `DELETE /` (drop). */
export function addCollectionRoutes(resource: Resource, crud: CRUDContext): void {
  const { input, output, pagination = 'page-number' } = crud.options;
  const inject = { database: Database, search: URLSearchParams };
  const filters = crud.filters.schemaShape();
  const orderable = crud.filters.names.flatMap((name) => [name, `-${name}`]);
  const order = orderable.length > 0 ? { [ORDER_PARAMETER]: orderParameter(orderable) } : {};
  const paging = pagination === 'limit-offset' ? limitOffsetPagination : pageNumberPagination;

  resource.route(
    ['GET'],
    '/',
    {
      name: 'list',
      summary: `List ${crud.verbose} items`,
      description: 'One page of the items matching the filters; `count=true` also counts them all.',
      query: z.object({ ...paging.shape, ...order, ...filters }),
      response: paginated(output, pagination),
      inject,
    },
    handler(({ query, search, database }) => {
      const where = crud.filters.condition(search);
      const limit = query.limit ?? query.page_size!;
      const offset = query.offset ?? (query.page! - 1) * limit;
      const [orderBy, direction] = ordering(query[ORDER_PARAMETER]);
      return crud.transaction(database, async (items) => {
        const data = await items.list(where ?? {}, { limit, offset, orderBy, direction });
        const count = query.count ? await items.count(where) : null;
        const meta =
          pagination === 'limit-offset'
            ? { limit, offset, count }
            : { page: query.page, page_size: limit, count };
        return { meta, data };
      });
    }),
  );

  resource.route(
    ['PUT'],
    '/',
    {
      name: 'replace',
      summary: `Replace every ${crud.verbose}`,
      body: z.array(input),
      response: z.array(output),
      inject,
      responses: refused,
    },
    handler(({ body, database }) =>
      crud.transaction(database, async (items) => {
        await items.drop();
        return items.create(...body);
      }),
    ),
  );

  resource.route(
    ['PATCH'],
    '/',
    {
      name: 'partial-replace',
      summary: `Create or update ${crud.verbose} items`,
      description: 'Items whose id exists are updated with the fields given; the others are created.',
      body: z.array(input),
      response: z.array(output),
      inject,
      responses: refused,
    },
    handler(({ body, database }) =>
      crud.transaction(database, async (items) => {
        const rows: Values[] = [];
        for (const row of body) rows.push(await items.upsert(crud.key, row));
        return rows;
      }),
    ),
  );

  resource.route(
    ['DELETE'],
    '/',
    {
      name: 'drop',
      summary: `Delete the ${crud.verbose} items matching the filters (all without filters)`,
      query: z.object(filters),
      response: DropCollection,
      inject,
    },
    handler(({ search, database }) => {
      const where = crud.filters.condition(search);
      return crud.transaction(database, async (items) => ({ deleted: await items.drop(where) }));
    }),
  );
}

function orderParameter(orderable: string[]): z.ZodType {
  return z
    .enum(orderable as [string, ...string[]])
    .optional()
    .describe('Column to order by, `-column` for descending; ties are ordered by id.');
}

function ordering(order: unknown): [string | undefined, Direction] {
  if (typeof order !== 'string') return [undefined, 'asc'];
  return order.startsWith('-') ? [order.slice(1), 'desc'] : [order, 'asc'];
}
