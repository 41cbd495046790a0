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
  /**
   * Why this module needs the app to run in one process, if it does (e.g. an embedded database that
   * only one process may open). Servers refuse to start several workers for such an app, with this reason.
   */
  readonly singleProcess?: string | undefined;
  startup?(app: App): void | Promise<void>;
  /**
   * Reloads what the module holds (models from their files) while the app serves, e.g. on SIGHUP.
   * On failure it logs why and keeps serving what it had, rather than throwing.
   */
  reload?(app: App): Promise<void>;
  shutdown?(app: App): void | Promise<void>;
}
