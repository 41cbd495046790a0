// A model taken by named tensors (the ml package's recurrent-cell test model), served by a Flama app at /cell/.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { dump, Flama } from 'flama';
import { recurrentCell } from '../../packages/ml/src/testing/recurrent-cell';
import { announce } from './announce';

const file = join(await mkdtemp(join(tmpdir(), 'flama-bench-cell-')), 'cell.flm');
await dump(recurrentCell(), file);
const app = new Flama({ title: 'Cell', version: '1.0.0' });
app.models.addModel('/cell/', file, 'cell');

await app.startup();
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
