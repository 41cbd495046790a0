import { App } from '@flama/routing';

/** An app holding a module that can only live in one process, as @flama/ddd's embedded PGlite database. */
export const app = new App({
  modules: [{ name: 'database', singleProcess: 'the embedded PGlite database in ./data allows one process' }],
}).get('/', () => 'one process');
