import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  type Launched,
  launch,
  type RuntimeName,
  runnerCommand,
  runtimes,
  wranglerDev,
} from './launch';
import type { CaseResult, Send } from './suite';
import { suites } from './suites';
import { helloCases } from './suites/hello';

const here = fileURLToPath(new URL('..', import.meta.url));
const helloDir = fileURLToPath(new URL('../../apps/hello/', import.meta.url));

/** Runs the shared suites in process on `runtime` and collects what its runner reports. */
async function runOn(runtime: RuntimeName): Promise<CaseResult[]> {
  if (runtime === 'workerd') {
    const port = await freePort();
    const worker = launch(wranglerDev(port), here);
    try {
      const [, url] = await worker.waitFor(/Ready on (http:\/\/\S+)/);
      return (await (await fetch(url!)).json()) as CaseResult[];
    } finally {
      await worker.stop();
    }
  }
  const runner = launch(runnerCommand(runtime), here);
  const [, results] = await runner.waitFor(/^RESULTS (.*)$/m);
  await runner.stop();
  return JSON.parse(results!) as CaseResult[];
}

/** apps/hello's script for each runtime: the README's way to serve it there. */
const helloScripts: Record<RuntimeName, string> = {
  node: 'start',
  bun: 'start:bun',
  deno: 'start:deno',
  workerd: 'start:workers',
};

describe.each(runtimes)('on %s', (runtime) => {
  describe('the shared suites, in process', () => {
    let results: CaseResult[] = [];

    beforeAll(async () => {
      results = await runOn(runtime);
    });

    for (const suite of suites) {
      for (const { name } of suite.cases) {
        it(`${suite.name}: ${name}`, () => {
          const result = results.find((r) => r.suite === suite.name && r.name === name);
          expect(result, 'the runner reported this case').toBeDefined();
          expect(result?.error).toBeUndefined();
        });
      }
    }
  });

  describe(`apps/hello served by \`pnpm ${helloScripts[runtime]}\``, () => {
    let server: Launched;
    let send: Send;

    beforeAll(async () => {
      const port = await freePort();
      server = launch(['pnpm', '--silent', 'run', helloScripts[runtime]], helloDir, { PORT: String(port) });
      await server.waitFor(/(?:serving|Ready) on http/);
      send = (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init);
    });

    afterAll(async () => {
      await server?.stop();
    });

    for (const { name, run } of helloCases) it(name, () => run(send));
  });
});
