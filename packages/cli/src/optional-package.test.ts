import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error';
import { importOptional, MissingPackageError } from './optional-package';
import { binPath } from './testing/cli-process';

const fixtures = fileURLToPath(new URL('./testing/', import.meta.url));
const hidePackages = join(fixtures, 'hide-packages.mjs');

describe('importOptional', () => {
  it('imports an installed package', async () => {
    const commander = await importOptional<typeof import('commander')>('commander', 'serve');
    expect(typeof commander.Command).toBe('function');
  });

  it('names the package to install when it is missing', async () => {
    const error = await importOptional('@flama/not-installed', 'serve').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPackageError);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as Error).message).toBe(
      'flama serve needs @flama/not-installed: npm install @flama/not-installed',
    );
  });

  it('rethrows a failure inside an installed module as it is', async () => {
    const module = join(await mkdtemp(join(tmpdir(), 'flama-cli-')), 'broken.mjs');
    await writeFile(module, "import 'flama-missing-dependency';\n");
    const error = await importOptional(pathToFileURL(module).href, 'serve').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(MissingPackageError);
    expect((error as Error).message).toContain("'flama-missing-dependency'");
  });
});

/** Runs `flama <args>` with the given packages unresolvable; resolves on exit, or at the first stdout line. */
function cliWithout(
  hidden: string[],
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', hidePackages, binPath, ...args], {
    cwd: fixtures,
    env: { ...process.env, FLAMA_HIDE_PACKAGES: hidden.join(',') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = { code: null as number | null, stdout: '', stderr: '' };
  child.stderr.on('data', (chunk) => (result.stderr += chunk));
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk) => {
      result.stdout += chunk;
      if (result.stdout.includes('\n')) {
        child.kill('SIGKILL');
        resolve(result);
      }
    });
    child.on('exit', (code) => resolve({ ...result, code }));
  });
}

describe('@flama/cli without its optional packages', () => {
  const optional = ['@flama/ml', '@flama/docs-ui'];

  it('runs an app of @flama/routing alone', async () => {
    const result = await cliWithout(optional, ['run', 'fixture-app.ts', '--server-port', '0']);
    expect(result.stdout).toMatch(/serving on http:\/\//);
  });

  it('exits 1 with one line naming the package a command needs', async () => {
    const commands = [
      { args: ['serve', 'model.flm'], line: 'flama: flama serve needs @flama/ml: npm install @flama/ml' },
      {
        args: ['model', 'fixture-app.ts', 'inspect'],
        line: 'flama: flama model needs @flama/ml: npm install @flama/ml',
      },
      {
        args: ['pack', 'fixture-app.ts', '-o', 'x.flm'],
        line: 'flama: flama pack needs @flama/ml: npm install @flama/ml',
      },
    ];
    for (const { args, line } of commands) {
      expect(await cliWithout(optional, args)).toEqual({ code: 1, stdout: '', stderr: `${line}\n` });
    }
  });

  it('asks for @flama/docs-ui when the app has a docs page', async () => {
    expect(await cliWithout(['@flama/docs-ui'], ['serve', 'model.flm'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'flama: flama serve needs @flama/docs-ui: npm install @flama/docs-ui\n',
    });
  });

  it('serves without @flama/mcp, saying in one line that MCP is off', async () => {
    const result = await cliWithout(['@flama/mcp'], ['serve', 'model.flm', '--app-docs', '']);
    expect(result.stderr.split('\n')[0]).toBe(
      'MCP is off: @flama/mcp is not installed (npm install @flama/mcp).',
    );
  });
});
