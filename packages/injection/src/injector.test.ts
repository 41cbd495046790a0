import { describe, expect, expectTypeOf, it } from 'vitest';
import { component, value } from './component';
import { CyclicDependencyError, MissingProviderError, ScopeError } from './errors';
import { Injector } from './injector';
import { Token } from './key';
import type { ContextCache } from './plan';

interface RequestContext {
  user: string;
}

const Greeting = new Token<string>('Greeting');
const UserName = new Token<string>('UserName');

class Counter {
  count = 0;
}

const userName = component({
  provides: UserName,
  resolve: (_deps, context: RequestContext) => context.user,
});
const greeting = component({
  provides: Greeting,
  inject: { name: UserName },
  resolve: ({ name }) => `Hello ${name}`,
});

describe('Injector', () => {
  it('resolves a consumer’s declared dependencies, typed from its tokens', () => {
    const injector = new Injector<RequestContext>([userName, greeting]);
    const plan = injector.plan('GET /', { greeting: Greeting, name: UserName });
    const resolved = plan.resolve({ user: 'Ada' });
    expectTypeOf(resolved).toEqualTypeOf<
      { greeting: string; name: string } | Promise<{ greeting: string; name: string }>
    >();
    expect(resolved).toEqual({ greeting: 'Hello Ada', name: 'Ada' });
  });

  it('stays synchronous while every component is, and awaits once one is async', async () => {
    const asyncName = component({ provides: UserName, resolve: async (_d, c: RequestContext) => c.user });
    const sync = new Injector<RequestContext>([userName, greeting]).plan('sync', { greeting: Greeting });
    const async = new Injector<RequestContext>([asyncName, greeting]).plan('async', { greeting: Greeting });
    expect(sync.resolve({ user: 'a' })).toEqual({ greeting: 'Hello a' });
    const pending = async.resolve({ user: 'b' });
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual({ greeting: 'Hello b' });
  });

  it('uses a class as its own token', () => {
    const injector = new Injector([component({ provides: Counter, resolve: () => new Counter() })]);
    const { counter } = injector.plan('consumer', { counter: Counter }).resolve(undefined) as {
      counter: Counter;
    };
    expect(counter).toBeInstanceOf(Counter);
  });

  it('resolves a context-scoped component once per plan resolution even when needed twice', () => {
    let calls = 0;
    const Shared = new Token<object>('Shared');
    const A = new Token<object>('A');
    const injector = new Injector([
      component({ provides: Shared, resolve: () => ({ call: ++calls }) }),
      component({ provides: A, inject: { shared: Shared }, resolve: ({ shared }) => shared }),
    ]);
    const resolved = injector.plan('c', { a: A, shared: Shared }).resolve(undefined) as {
      a: object;
      shared: object;
    };
    expect(resolved.a).toBe(resolved.shared);
    expect(calls).toBe(1);
  });

  it('shares context values across plans through a context cache, and not across contexts', () => {
    let calls = 0;
    const Shared = new Token<number>('Shared');
    const injector = new Injector([component({ provides: Shared, resolve: () => ++calls })]);
    const first = injector.plan('middleware', { shared: Shared });
    const second = injector.plan('handler', { shared: Shared });
    const cache: ContextCache = new Map();
    expect(first.resolve(undefined, cache)).toEqual({ shared: 1 });
    expect(second.resolve(undefined, cache)).toEqual({ shared: 1 });
    expect(second.resolve(undefined, new Map())).toEqual({ shared: 2 });
  });

  it('resolves a singleton once for the injector’s lifetime, even under concurrent first use', async () => {
    let calls = 0;
    const Db = new Token<{ id: number }>('Db');
    const injector = new Injector([
      component({ provides: Db, scope: 'singleton', resolve: async () => ({ id: ++calls }) }),
    ]);
    const plan = injector.plan('handler', { db: Db });
    const [a, b] = await Promise.all([plan.resolve(undefined), plan.resolve(undefined)]);
    expect(a.db).toBe(b.db);
    expect(injector.plan('other', { db: Db }).resolve(undefined)).toEqual({ db: { id: 1 } });
    expect(calls).toBe(1);
  });

  it('prepares singletons ahead so that resolution never waits for them', async () => {
    const Db = new Token<string>('Db');
    const injector = new Injector([
      component({ provides: Db, scope: 'singleton', resolve: async () => 'db' }),
    ]);
    const plan = injector.plan('handler', { db: Db });
    await plan.prepare();
    expect(plan.resolve(undefined)).toEqual({ db: 'db' });
  });

  it('retries a singleton whose first resolution failed', async () => {
    let attempts = 0;
    const Db = new Token<string>('Db');
    const injector = new Injector([
      component({
        provides: Db,
        scope: 'singleton',
        resolve: async () => {
          if (++attempts === 1) throw new Error('down');
          return 'up';
        },
      }),
    ]);
    const plan = injector.plan('handler', { db: Db });
    await expect(plan.resolve(undefined)).rejects.toThrow('down');
    await expect(plan.resolve(undefined)).resolves.toEqual({ db: 'up' });
  });

  it('lets a later component override an earlier one for the same key', () => {
    const injector = new Injector([value(Greeting, 'built-in'), value(Greeting, 'user')]);
    expect(injector.plan('c', { g: Greeting }).resolve(undefined)).toEqual({ g: 'user' });
  });

  it('extends an injector with overriding components while sharing singletons', async () => {
    let calls = 0;
    const Db = new Token<number>('Db');
    const parent = new Injector([
      component({ provides: Db, scope: 'singleton', resolve: () => ++calls }),
      value(Greeting, 'parent'),
    ]);
    const child = parent.extend([value(Greeting, 'child')]);
    expect(child.plan('c', { db: Db, g: Greeting }).resolve(undefined)).toEqual({ db: 1, g: 'child' });
    expect(parent.plan('p', { db: Db, g: Greeting }).resolve(undefined)).toEqual({ db: 1, g: 'parent' });
  });

  it('fails at planning time, naming the consumer and the missing token and the path to it', () => {
    const injector = new Injector([greeting]);
    let error: unknown;
    try {
      injector.plan('GET /hello', { greeting: Greeting });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingProviderError);
    expect((error as MissingProviderError).message).toBe(
      'GET /hello needs UserName (through Greeting → UserName), but no component provides it. Register a component for UserName.',
    );
  });

  it('detects cycles', () => {
    const A = new Token<string>('A');
    const B = new Token<string>('B');
    const injector = new Injector([
      component({ provides: A, inject: { b: B }, resolve: ({ b }) => b }),
      component({ provides: B, inject: { a: A }, resolve: ({ a }) => a }),
    ]);
    expect(() => injector.plan('consumer', { a: A })).toThrow(CyclicDependencyError);
    expect(() => injector.plan('consumer', { a: A })).toThrow('A → B → A');
  });

  it('refuses a singleton that depends on a per-context value', () => {
    const Db = new Token<string>('Db');
    const injector = new Injector([
      userName,
      component({
        provides: Db,
        scope: 'singleton',
        inject: { user: UserName },
        resolve: ({ user }) => user,
      }),
    ]);
    expect(() => injector.plan('consumer', { db: Db })).toThrow(ScopeError);
  });

  it('propagates a component’s error to the caller', async () => {
    const Failing = new Token<string>('Failing');
    const injector = new Injector([
      component({
        provides: Failing,
        resolve: () => {
          throw new Error('boom');
        },
      }),
    ]);
    expect(() => injector.plan('c', { f: Failing }).resolve(undefined)).toThrow('boom');
  });

  it('reports an empty plan', () => {
    expect(new Injector().plan('c', {}).empty).toBe(true);
  });
});
