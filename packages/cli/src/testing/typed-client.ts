import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const openapiFetch = dirname(require.resolve('openapi-fetch/package.json'));

/** A directory where a client file can import openapi-fetch and `./schema` (the generated `paths`). */
export async function clientProject(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'flama-typed-client-'));
  await mkdir(join(directory, 'node_modules'));
  await symlink(openapiFetch, join(directory, 'node_modules', 'openapi-fetch'), 'dir');
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom'],
    types: [],
  };
  await writeFile(join(directory, 'tsconfig.json'), JSON.stringify({ compilerOptions }));
  return directory;
}

/** A client of the schema app: `call` is the body of an async function with `client` in scope. */
export const clientSource = (call: string) => `import createClient from 'openapi-fetch';
import type { paths } from './schema';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:8000' });

export async function call() {
  ${call}
}
`;

/** Type-checks the project with `tsc --noEmit`. */
export function typeCheck(directory: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [tsc, '-p', directory], { stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}
