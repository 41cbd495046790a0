#!/usr/bin/env node
// The `flama` command. tsx is registered first so that apps written in TypeScript load directly.
// In a checkout of the Flama repository the CLI runs from its sources, once published from its build.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const source = new URL('../src/bin.ts', import.meta.url);
await import(existsSync(source) ? source.href : new URL('../dist/bin.js', import.meta.url).href);
