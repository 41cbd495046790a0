import { createRequire } from 'node:module';

type Api = typeof import('@opentelemetry/api');

let loaded: Api | undefined;

/** @opentelemetry/api, loaded when tracing is first set up: apps that don't trace don't pay for its import. */
export function openTelemetry(): Api {
  loaded ??= createRequire(import.meta.url)('@opentelemetry/api') as Api;
  return loaded;
}
