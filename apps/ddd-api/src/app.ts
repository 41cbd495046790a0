import { DatabaseModule, WorkerComponent } from '@flama/ddd';
import { Flama } from 'flama';
import { databaseURL, migrations } from './database';
import { UserResource } from './resources';
import { Info } from './schemas';
import { RegisterWorker } from './workers';

export const app = new Flama({
  title: 'Domain-driven API',
  version: '1.0.0',
  description: 'Domain-driven design with Flama 🔥',
  docs: '/docs/',
  health: true,
  // Creates the tables at startup if they are missing, so `pnpm start` is all the embedded database needs.
  modules: [new DatabaseModule(databaseURL, { migrations })],
  components: [new WorkerComponent(RegisterWorker)],
});

app.resources.addResource('/user/', UserResource);

app.get(
  '/',
  {
    name: 'info',
    summary: 'Ping',
    description: 'Returns a brief description of the API',
    tags: ['Info'],
    response: Info,
  },
  () => ({ title: app.title, description: app.description ?? '', public: true }),
);
