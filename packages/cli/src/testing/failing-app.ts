import { App } from '@flama/routing';

/** An app whose module fails at startup, saying so each time it is tried. */
export const app = new App({
  modules: [
    {
      name: 'models',
      startup: () => {
        console.log('starting the models');
        throw new Error('model.flm is truncated');
      },
    },
  ],
});
