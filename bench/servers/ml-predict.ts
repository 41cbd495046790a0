// The churn model served as `flama serve` serves it: a Flama app with the model at /churn/.
import { serve } from '@hono/node-server';
import { Flama } from 'flama';
import { announce } from './announce';
import { CHURN_MODEL } from './ml-model';

const app = new Flama({ title: 'Churn', version: '1.0.0' });
app.models.addModel('/churn/', CHURN_MODEL, 'churn');

await app.startup();
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
