import type { Component } from '@flama/injection';
import type { Context } from 'hono';
import type { App } from './app';

/**
 * A part of an app with a lifecycle (a database connection, loaded models): it may provide
 * components, and starts before the app serves and stops after it.
 */
export interface Module {
  readonly name: string;
  readonly components?: readonly Component<unknown, Context>[];
  startup?(app: App): void | Promise<void>;
  shutdown?(app: App): void | Promise<void>;
}
