import { App } from '@flama/routing';

export const app = new App({ title: 'Fixture' })
  .get('/', () => 'Hello 🔥')
  .onShutdown(() => {
    console.log('fixture shut down');
  });

export const other = new App({ title: 'Other' }).get('/', () => 'other export');

export const notAnApp = 42;
