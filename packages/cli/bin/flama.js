#!/usr/bin/env node
// The `flama` command. tsx is registered first so that apps written in TypeScript (and, in a checkout
// of the Flama repository, the packages' own sources) load directly; built files run when present.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const built = new URL('../dist/bin.js', import.meta.url);
await import(existsSync(built) ? built.href : new URL('../src/bin.ts', import.meta.url).href);
