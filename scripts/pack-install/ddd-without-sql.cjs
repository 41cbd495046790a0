// Run in a CommonJS project that installed @flama/ddd alone (no drizzle-orm, postgres or PGlite): a worker over
// an HTTP repository does its work, and a database says in one line which packages to add. Prints JSON.
const { Database, HTTPRepository, NotFoundError, Worker } = require('@flama/ddd');
const { z } = require('zod');

const Product = z.object({ id: z.int(), name: z.string() });
const products = new Map([[1, { id: 1, name: 'Torch' }]]);

/** The remote CRUD resource, answered in process: `POST /product/` and `GET /product/{id}/`. */
async function remote(input, init) {
  if (init?.method === 'POST') {
    const item = Product.parse(JSON.parse(String(init.body)));
    products.set(item.id, item);
    return Response.json(item, { status: 201 });
  }
  const item = products.get(Number(new URL(String(input)).pathname.split('/')[2]));
  return item ? Response.json(item) : Response.json({ detail: 'Not Found' }, { status: 404 });
}

class ProductRepository extends HTTPRepository {
  constructor() {
    super({ url: 'http://catalog.internal/product/', schema: Product, fetch: remote });
  }
}

class CatalogWorker extends Worker {
  product = this.repository(ProductRepository);
}

async function main() {
  const worker = new CatalogWorker();
  const result = {
    created: await worker.run(({ product }) => product.create({ id: 2, name: 'Lamp' })),
    retrieved: await worker.run(({ product }) => product.retrieve({ id: 1 })),
    notFound: await worker
      .run(({ product }) => product.retrieve({ id: 3 }))
      .catch((error) => error instanceof NotFoundError),
    database: await Database.connect('pglite://memory').then(
      () => 'connected',
      (error) => `${error.name}: ${error.message}`,
    ),
  };
  process.stdout.write(JSON.stringify(result));
}

main();
