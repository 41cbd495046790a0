import { type AnyHandler, HTTPException, type Resource } from '@flama/routing';
import { apiErrorSchema } from '@flama/schema';
import { Database } from '../database/database';
import type { CRUDContext } from './crud-context';

type Values = Record<string, unknown>;
interface ItemArgs {
  params: { id: unknown };
  body: Values;
  database: Database;
}

const handler = (run: (args: ItemArgs) => Promise<unknown>) => run as unknown as AnyHandler;
const error = (description: string) => ({ description, schema: apiErrorSchema });

/** `POST /`, and `GET`, `PUT`, `PATCH`, `DELETE` on `/{id}/`. */
export function addItemRoutes(resource: Resource, crud: CRUDContext): void {
  const { input, output } = crud.options;
  const path = `/${crud.key.segment}/`;
  const inject = { database: Database };
  const notFound = { 404: error(`No ${crud.verbose} has this id.`) };
  const refused = { 400: error('Invalid data, or a constraint (such as uniqueness) refused it.') };

  resource.route(
    ['POST'],
    '/',
    {
      name: 'create',
      summary: `Create a ${crud.verbose}`,
      body: input,
      response: output,
      status: 201,
      inject,
      responses: refused,
    },
    handler(({ body, database }) => crud.statement(database, async (items) => (await items.create(body))[0])),
  );

  resource.route(
    ['GET'],
    path,
    {
      name: 'retrieve',
      summary: `Retrieve a ${crud.verbose}`,
      response: output,
      inject,
      responses: notFound,
    },
    handler(({ params, database }) =>
      crud.statement(database, (items) => items.retrieve(crud.item(params.id))),
    ),
  );

  resource.route(
    ['PUT'],
    path,
    {
      name: 'update',
      summary: `Replace a ${crud.verbose}`,
      body: input,
      response: output,
      inject,
      responses: { ...notFound, ...refused },
    },
    handler(({ params, body, database }) => {
      const item = crud.item(params.id);
      return crud.statement(database, async (items) => found(await items.update({ ...body, ...item }, item)));
    }),
  );

  resource.route(
    ['PATCH'],
    path,
    {
      name: 'partial-update',
      summary: `Update some fields of a ${crud.verbose}`,
      body: input.partial(),
      response: output,
      inject,
      responses: { ...notFound, ...refused },
    },
    handler(({ params, body, database }) => {
      const item = crud.item(params.id);
      const given = Object.values(body).some((value) => value !== undefined);
      return crud.statement(database, async (items) =>
        given ? found(await items.update(body, item)) : items.retrieve(item),
      );
    }),
  );

  resource.route(
    ['DELETE'],
    path,
    { name: 'delete', summary: `Delete a ${crud.verbose}`, status: 204, inject, responses: notFound },
    handler(({ params, database }) =>
      crud.transaction(database, (items) => items.delete(crud.item(params.id))),
    ),
  );
}

function found(rows: Values[]): Values {
  if (rows.length === 0) throw new HTTPException(404);
  return rows[0]!;
}
