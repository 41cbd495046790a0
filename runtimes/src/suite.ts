import type { Servable } from '@flama/routing';

/** Sends a request to the app under test: to its `fetch` in process, or over HTTP to a server running it. */
export type Send = (path: string, init?: RequestInit) => Promise<Response>;

/** One check, written once and run by every runtime. */
export interface Case {
  name: string;
  run(send: Send): Promise<void>;
}

/** Cases and the app they run against, made afresh by each runner. */
export interface Suite {
  name: string;
  app(): Servable | Promise<Servable>;
  cases: Case[];
}

export interface CaseResult {
  suite: string;
  name: string;
  /** Why the case failed; absent when it passed. */
  error?: string;
}

const origin = 'http://runtime.test';

/** Sends to `app.fetch` in process, as a runtime's own server would. */
export function inProcess(app: Pick<Servable, 'fetch'>): Send {
  return async (path, init) => app.fetch(new Request(new URL(path, origin), init));
}

/** Runs `cases` through `send`, one after the other, and says how each went. */
export async function runCases(suite: string, cases: readonly Case[], send: Send): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const { name, run } of cases) {
    try {
      await run(send);
      results.push({ suite, name });
    } catch (error) {
      results.push({ suite, name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

/** Runs every suite in process, each against its own app, started before its cases and shut down after. */
export async function runSuites(suites: readonly Suite[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const suite of suites) {
    const app = await suite.app();
    await app.startup();
    results.push(...(await runCases(suite.name, suite.cases, inProcess(app))));
    await app.shutdown();
  }
  return results;
}
