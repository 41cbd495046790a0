// Runs with the SQL stack unresolvable (`node --import ./hide-sql-stack.mjs --import tsx`): a worker
// over an HTTP repository does its work, and what needs the SQL stack fails naming the packages to add. Prints
// what happened as one JSON object.
import { z } from 'zod';
import { Database, HTTPRepository, NotFoundError, revokedTokensTable, Worker } from '../index';

const Product = z.object({ id: z.int(), name: z.string() });
const products = new Map([[1, { id: 1, name: 'Torch' }]]);

/** The remote CRUD resource, answered in process: `POST /product/` and `GET /product/{id}/`. */
const remote: typeof fetch = async (input, init) => {
  if (init?.method === 'POST') {
    const item = Product.parse(JSON.parse(String(init.body)));
    products.set(item.id, item);
    return Response.json(item, { status: 201 });
  }
  const item = products.get(Number(new URL(String(input)).pathname.split('/')[2]));
  return item ? Response.json(item) : Response.json({ detail: 'Not Found' }, { status: 404 });
};

class ProductRepository extends HTTPRepository<typeof Product> {
  constructor() {
    super({ url: 'http://catalog.internal/product/', schema: Product, fetch: remote });
  }
}

class CatalogWorker extends Worker {
  product = this.repository(ProductRepository);
}

const worker = new CatalogWorker();
const failure = (error: Error) => `${error.name}: ${error.message}`;

process.stdout.write(
  JSON.stringify({
    created: await worker.run(({ product }) => product.create({ id: 2, name: 'Lamp' })),
    retrieved: await worker.run(({ product }) => product.retrieve({ id: 1 })),
    notFound: await worker
      .run(({ product }) => product.retrieve({ id: 3 }))
      .catch((error: unknown) => error instanceof NotFoundError),
    pglite: await Database.connect('pglite://memory').then(() => 'connected', failure),
    postgres: await Database.connect('postgres://flama@127.0.0.1/shop').then(() => 'connected', failure),
    table: await Promise.resolve()
      .then(() => revokedTokensTable())
      .then(() => 'built', failure),
  }),
);
