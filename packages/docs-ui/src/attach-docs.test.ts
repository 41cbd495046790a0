import { App, testClient } from '@flama/routing';
import { describe, expect, it } from 'vitest';
import { attachDocs } from './attach-docs';

describe('attachDocs', () => {
  it('serves the page at /docs/ unless told another path, and says where', async () => {
    const app = new App({ title: 'Attached' });
    expect(attachDocs(app)).toBe('/docs/');
    const moved = new App({ title: 'Moved' });
    expect(attachDocs(moved, { path: '/reference/' })).toBe('/reference/');
    const client = await testClient(moved);
    expect((await client.get('/reference/')).status).toBe(200);
    expect((await client.get('/reference/scalar.js')).status).toBe(200);
    expect((await client.get('/docs/')).status).toBe(404);
    await client.close();
  });

  it('serves nothing and says so when told false, or when the app serves no schema', async () => {
    const none = new App();
    expect(attachDocs(none, { path: false })).toBeUndefined();
    const noSchema = new App({ schema: false });
    expect(attachDocs(noSchema, { path: '/docs/' })).toBeUndefined();
    for (const app of [none, noSchema]) {
      const client = await testClient(app);
      expect((await client.get('/docs/')).status).toBe(404);
      await client.close();
    }
  });
});
