// The ceiling: `POST /churn/predict/` validating the body as the model's route does (PredictInput), answering
// a constant prediction without a model. What HTTP, JSON and validation allow on this machine. It has the
// bench-only routes too, so that every server of the suite does the same work besides the model.
import { serve } from '@hono/node-server';
import { Flama, PredictInput, PredictOutput } from 'flama';
import { announce } from './announce';
import { withBenchRoutes } from './serving-bench-routes';
import { CHURN_PREDICTION } from './serving-rows';

const app = new Flama({ title: 'Churn', version: '1.0.0', health: true });
app.post(
  '/churn/predict/',
  { name: 'predict', body: PredictInput, response: PredictOutput },
  () => CHURN_PREDICTION,
);

await app.startup();
serve({ fetch: withBenchRoutes(app), hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
