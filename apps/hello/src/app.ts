import { attachDocs } from '@flama/docs-ui';
import { App } from '@flama/routing';
import { z } from 'zod';

export const app = new App({
  title: 'Flama ML',
  version: '1.0.0',
  description: 'Machine learning API using Flama 🔥',
  health: true,
});
attachDocs(app, { path: '/docs/' });

const Info = z.object({ title: z.string(), description: z.string() }).meta({ id: 'Info' });

app.get('/', { name: 'home', summary: 'Returns a warming message', tags: ['Home'] }, () => 'Hello 🔥');

app.get(
  '/info',
  { name: 'info', summary: 'Returns the app’s title and description', tags: ['Home'], response: Info },
  () => ({ title: app.title, description: app.description ?? '' }),
);
