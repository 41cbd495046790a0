// (d) A Flama route that injects two components (a per-request one reading a header, depending on a singleton
// settings object) and validates a query parameter.
import { serve } from '@hono/node-server';
import { component, Flama, Token, z } from 'flama';
import { announce } from './announce';
import { GREET_PATH, greetingFor, loadSettings, type Settings as SettingsValue } from './greeting';

const Settings = new Token<SettingsValue>('Settings');
const Greeting = new Token<string>('Greeting');

const app = new Flama({
  title: 'Bench',
  version: '1.0.0',
  docs: '/docs/',
  schema: '/schema/',
  components: [
    component({ provides: Settings, scope: 'singleton', resolve: () => loadSettings() }),
    component({
      provides: Greeting,
      inject: { settings: Settings, headers: Headers },
      resolve: ({ settings, headers }) => greetingFor(settings, headers.get('accept-language')),
    }),
  ],
});

app.get(
  GREET_PATH,
  {
    name: 'greet',
    query: z.object({ name: z.string().default('world') }),
    inject: { greeting: Greeting, settings: Settings },
  },
  ({ query, greeting, settings }) => ({ message: `${greeting} ${query.name} ${settings.emoji}` }),
);

await app.startup();
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => announce(info.port));
