// The root README's first app, served by the installed `flama` bin and asked over a real socket what the README
// says it answers.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { npmEnvironment } from './npm-project.mjs';

/** How long the app may take to start (tsx compiles it first): a bound for a hung process, not a measure. */
const STARTUP_LIMIT_MS = 120_000;

/** The README's "In 30 seconds" app: its first TypeScript block, and the file its first line names. */
export function readHelloApp(readmePath) {
  const readme = readFileSync(readmePath, 'utf8');
  const section = readme.slice(readme.indexOf('## In 30 seconds'));
  const code = section.match(/```ts\n([\s\S]*?)```/)?.[1];
  const file = code?.match(/^\/\/ (\S+\.ts)\n/)?.[1];
  if (!code || !file)
    throw new Error(`${readmePath} has no "In 30 seconds" app whose first line names its file`);
  return { file, code };
}

/**
 * Serves `app` from `directory` with `<flama> run <file>` on a free port and checks its answers; returns the
 * problems found, one line each. `flama` is the command that runs the installed bin (default `npx flama`).
 */
export async function checkHelloApp(directory, app, flama = ['npx', '--no-install', 'flama']) {
  mkdirSync(join(directory, dirname(app.file)), { recursive: true });
  writeFileSync(join(directory, app.file), app.code);
  const [command, ...args] = flama;
  const child = spawn(command, [...args, 'run', app.file, '--server-port', '0'], {
    cwd: directory,
    env: npmEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const origin = await servingOrigin(child, () => output);
    return await askHelloApp(origin);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      process.kill(-child.pid, 'SIGTERM'); // npx and the server under it
      await exited;
    }
  }
}

/** The origin the app serves on, from the CLI's "Flama is serving on http://…" line. */
function servingOrigin(child, stderr) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail('did not start in time'), STARTUP_LIMIT_MS);
    const fail = (why) => {
      clearTimeout(timer);
      reject(new Error(`flama run ${why}:\n${stdout}${stderr()}`));
    };
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const origin = stdout.match(/serving on (http:\/\/\S+)/)?.[1];
      if (origin) {
        clearTimeout(timer);
        resolve(origin.replace(/\/$/, ''));
      }
    });
    child.on('exit', (code) => fail(`exited with code ${code}`));
  });
}

async function askHelloApp(origin) {
  const problems = [];
  const expect = (what, ok) => {
    if (!ok) problems.push(what);
  };
  const home = await fetch(`${origin}/`);
  expect(
    `GET / answered ${home.status}, not 200 "Hello 🔥"`,
    home.status === 200 && (await home.text()).includes('Hello 🔥'),
  );
  const greet = await fetch(`${origin}/greet/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada' }),
  });
  const greeting = await greet.json().catch(() => undefined);
  expect(
    `POST /greet/ answered ${greet.status}, not 201 "Hello Ada"`,
    greet.status === 201 && greeting?.message === 'Hello Ada',
  );
  const invalid = await fetch(`${origin}/greet/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(`POST /greet/ without a name answered ${invalid.status}, not 400`, invalid.status === 400);
  const schema = await fetch(`${origin}/schema/`);
  const document = await schema.json().catch(() => undefined);
  expect(
    `GET /schema/ answered ${schema.status}, not the OpenAPI document of / and /greet/`,
    schema.status === 200 &&
      typeof document?.openapi === 'string' &&
      Object.hasOwn(document.paths ?? {}, '/') &&
      Object.hasOwn(document.paths ?? {}, '/greet/'),
  );
  const docs = await fetch(`${origin}/docs/`);
  const page = await docs.text();
  expect(`GET /docs/ answered ${docs.status}, not 200 HTML`, docs.status === 200 && page.includes('<html'));
  const script = page.match(/<script[^>]*\ssrc="([^"]+)"/)?.[1];
  const served = script && (await fetch(new URL(script, `${origin}/docs/`)));
  expect(
    `the docs page's script (${script ?? 'none'}) is not served by the app`,
    served?.status === 200 && (await served.text()).length > 100_000,
  );
  return problems;
}
