// The churn model served at /churn/ as `flama serve` serves it (health routes on), with the bench-only routes,
// run the way `serving` says. Each serving-*.ts server is one such setting.
import { serve } from '@hono/node-server';
import { Flama, type ServingOptions } from 'flama';
import { announce } from './announce';
import { CHURN_MODEL } from './ml-model';
import { withBenchRoutes } from './serving-bench-routes';

export async function serveChurn(serving: ServingOptions): Promise<void> {
  const app = new Flama({ title: 'Churn', version: '1.0.0', health: true, serving });
  app.models.addModel('/churn/', CHURN_MODEL, 'churn');
  await app.startup();
  serve({ fetch: withBenchRoutes(app), hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
}
