import { App } from '@flama/routing';

/** An app whose startup lasts until the process gets SIGUSR2, saying when it begins. */
export const app = new App({
  modules: [
    {
      name: 'models',
      startup: () =>
        new Promise<void>((resolve) => {
          // Signal listeners alone don't keep a process alive.
          const alive = setInterval(() => {}, 60_000);
          process.once('SIGUSR2', () => {
            clearInterval(alive);
            resolve();
          });
          console.log('loading the models');
        }),
      shutdown: () => console.log('models stopped'),
    },
  ],
}).get('/', () => 'started');
