import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import type { Module } from './module';

afterEach(() => {
  vi.restoreAllMocks();
});

const counting = (name: string, events: string[], fail = false): Module => ({
  name,
  reload: async () => {
    events.push(`reload ${name}`);
    if (fail) throw new Error('model.flm is truncated');
  },
});

describe('App.reload', () => {
  it('reloads every started module, mounted apps’ too, and nothing before startup', async () => {
    const events: string[] = [];
    const child = new App({ modules: [counting('child models', events)] });
    const app = new App({ modules: [counting('db', events), counting('models', events)] }).mount(
      '/v1',
      child,
    );
    await app.reload();
    expect(events).toEqual([]);
    await app.startup();
    await app.reload();
    expect(events).toEqual(['reload db', 'reload models', 'reload child models']);
    await app.shutdown();
  });

  it('logs a module that throws and reloads the others, resolving', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const events: string[] = [];
    const app = new App({ modules: [counting('models', events, true), counting('cache', events)] });
    await app.startup();
    await expect(app.reload()).resolves.toBeUndefined();
    expect(events).toEqual(['reload models', 'reload cache']);
    expect(logged).toHaveBeenCalledWith('models failed to reload: model.flm is truncated');
    await app.shutdown();
  });

  it('runs reloads asked for during one after it', async () => {
    const events: string[] = [];
    let finish: () => void = () => {};
    const slow: Module = {
      name: 'slow',
      reload: () => {
        events.push('start');
        return new Promise<void>((done) => {
          finish = () => {
            events.push('end');
            done();
          };
        });
      },
    };
    const app = new App({ modules: [slow] });
    await app.startup();
    const first = app.reload();
    const second = app.reload();
    await vi.waitFor(() => expect(events).toEqual(['start']));
    finish();
    await vi.waitFor(() => expect(events).toEqual(['start', 'end', 'start']));
    finish();
    await Promise.all([first, second]);
    expect(events).toEqual(['start', 'end', 'start', 'end']);
    await app.shutdown();
  });
});

describe('App.singleProcess', () => {
  it('gives the reason of a module, or of a mounted app’s, that needs one process', () => {
    const embedded: Module = { name: 'database', singleProcess: 'PGlite at ./data is embedded' };
    expect(new App().singleProcess).toBeUndefined();
    expect(new App({ modules: [embedded] }).singleProcess).toBe('PGlite at ./data is embedded');
    const parent = new App().mount('/users', new App({ modules: [embedded] }));
    expect(parent.singleProcess).toBe('PGlite at ./data is embedded');
  });
});
