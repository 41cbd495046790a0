#!/usr/bin/env node
// The `flama` command. In a checkout of the Flama repository the CLI runs from its sources, so tsx is registered
// first; once published it runs from its build, and tsx is registered only when a TypeScript app is loaded
// (loading every module through tsx's hooks would cost `flama serve` about half a second of cold start).
import { existsSync } from 'node:fs';

const source = new URL('../src/bin.ts', import.meta.url);
const fromSources = existsSync(source);
if (fromSources) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(fromSources ? source.href : new URL('../dist/bin.js', import.meta.url).href);
