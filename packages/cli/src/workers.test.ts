import { mkdtemp, writeFile } from 'node:fs/promises';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type ServingCli, serveCli } from './testing/cli-process';

const fixtures = fileURLToPath(new URL('./testing/', import.meta.url));
const app = join(fixtures, 'lifecycle-app.ts');
const running: ServingCli[] = [];
const serve = async (args: string[], options?: Parameters<typeof serveCli>[1]) => {
  const cli = await serveCli(args, options);
  running.push(cli);
  return cli;
};

afterEach(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop('SIGKILL')));
});

/** GET on a new connection (the cluster hands new connections to its workers in turn), with its headers. */
function fresh(
  url: string,
  agent: Agent | false = false,
): Promise<{ headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ headers: response.headers, body }));
    }).on('error', reject);
  });
}

/** The Keep-Alive header of a response on a connection the client asks to keep. */
async function keepAliveHeader(url: string): Promise<unknown> {
  const agent = new Agent({ keepAlive: true });
  const { headers } = await fresh(url, agent);
  agent.destroy();
  return headers['keep-alive'];
}

/** The pids of the workers that answer `/pid` on new connections, until two have answered. */
async function twoPids(url: string): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let attempt = 0; attempt < 20 && pids.size < 2; attempt++)
    pids.add((JSON.parse((await fresh(`${url}/pid`)).body) as { pid: number }).pid);
  return pids;
}

describe('--server-workers', () => {
  it('serves from that many processes, replaces one that dies, reloads them all, and stops them all', async () => {
    const cli = await serve(['run', app, '--server-port', '0', '--server-workers', '2']);
    const pids = await twoPids(cli.url);
    expect(pids.size).toBe(2);
    expect(pids).not.toContain(cli.child.pid);
    expect(cli.output().match(/serving on/g)).toHaveLength(1);

    const [killed] = pids;
    process.kill(killed!, 'SIGKILL');
    await cli.waitFor(`serves in place of ${killed}.`);
    expect(cli.output()).toContain(`Worker ${killed} exited (SIGKILL); starting another.`);
    const now = await twoPids(cli.url);
    expect(now.size).toBe(2);
    expect(now).not.toContain(killed);

    cli.child.kill('SIGHUP');
    await cli.waitFor('Reloaded (SIGHUP)', 2);
    expect((await fresh(`${cli.url}/health/ready`)).body).toBe('{"status":"ready"}');

    expect(await cli.stop('SIGTERM')).toBe(0);
    expect(cli.output().match(/Shutting down on SIGTERM/g)).toHaveLength(2);
    expect(cli.output().match(/lifecycle app shut down/g)).toHaveLength(2);
    expect(cli.stderr()).toBe('');
  });

  it('exits 1 with the error of a worker that fails to start, without starting it again', async () => {
    const result = await runCli([
      'run',
      join(fixtures, 'failing-app.ts'),
      '--server-port',
      '0',
      '--server-workers',
      '2',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('flama: Flama failed to start: model.flm is truncated');
    expect(result.stdout.match(/starting the models/g)!.length).toBeLessThanOrEqual(2);
  });

  it('refuses more than one worker for an app that must run in one process', async () => {
    const fixture = join(fixtures, 'single-process-app.ts');
    const result = await runCli(['run', fixture, '--server-port', '0', '--server-workers', '2']);
    expect([result.code, result.stderr.trim()]).toEqual([
      1,
      "flama: Can't serve with 2 workers: the embedded PGlite database in ./data allows one process. " +
        'Serve it with --server-workers 1.',
    ]);
    const one = await serve(['run', fixture, '--server-port', '0', '--server-workers', '1']);
    expect(await (await fetch(`${one.url}/`)).json()).toBe('one process');
  });

  it('comes from flama start’s config too, with the keep-alive timeout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flama-workers-'));
    const server = { port: 0, workers: 2, keep_alive_timeout: 65, shutdown_timeout: 10 };
    await writeFile(join(dir, 'flama.json'), JSON.stringify({ app, server }));
    const cli = await serve(['start'], { cwd: dir });
    expect((await twoPids(cli.url)).size).toBe(2);
    expect(await keepAliveHeader(`${cli.url}/pid`)).toBe('timeout=65');
    expect(await cli.stop('SIGTERM')).toBe(0);
    expect(cli.output()).toContain('Shutting down on SIGTERM (at most 10 s)');
  });
});

describe('server settings', () => {
  it('listens on HOST and PORT from the environment when no flag says otherwise', async () => {
    const cli = await serve(['run', app], { env: { HOST: '127.0.0.1', PORT: '0' } });
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fresh(`${cli.url}/health/live`)).body).toBe('{"status":"live"}');
  });

  it('sets the keep-alive timeout, and lists every server option in --help', async () => {
    const cli = await serve(['run', app, '--server-port', '0', '--server-keep-alive-timeout', '65']);
    expect(await keepAliveHeader(`${cli.url}/pid`)).toBe('timeout=65');
    const help = await runCli(['serve', '--help']);
    for (const option of ['--server-workers <n>', '--server-keep-alive-timeout', '--server-shutdown-timeout'])
      expect(help.stdout).toContain(option);
    expect(help.stdout).toContain('env: PORT');
    const bad = await runCli(['run', app, '--server-workers', 'many']);
    expect([bad.code, bad.stderr.trim()]).toEqual([
      1,
      'flama: --server-workers must be a whole number ≥ 1, not "many".',
    ]);
  });
});
