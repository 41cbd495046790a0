import { Flama, z } from 'flama';

export const app = new Flama({
  title: 'Flama ML',
  version: '1.0.0',
  description: 'Machine learning API using Flama 🔥',
  docs: '/docs/',
  health: true,
});

const Info = z.object({ title: z.string(), description: z.string() }).meta({ id: 'Info' });

app.get('/', { name: 'home', summary: 'Returns a warming message', tags: ['Home'] }, () => 'Hello 🔥');

app.get(
  '/info',
  { name: 'info', summary: 'Returns the app’s title and description', tags: ['Home'], response: Info },
  () => ({ title: app.title, description: app.description ?? '' }),
);
