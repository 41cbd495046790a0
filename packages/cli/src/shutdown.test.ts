import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServingCli, serveCli } from './testing/cli-process';
import { pipeCli } from './testing/piped-cli';
import { clientCloseFrame, postHeaders, rawConnection, upgradeRequest } from './testing/raw-client';

const app = fileURLToPath(new URL('./testing/lifecycle-app.ts', import.meta.url));
const slowApp = fileURLToPath(new URL('./testing/slow-start-app.ts', import.meta.url));
const running: ServingCli[] = [];
const serve = async (...args: string[]) => {
  const cli = await serveCli(['run', app, '--server-port', '0', ...args]);
  running.push(cli);
  return cli;
};

afterEach(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop('SIGKILL')));
});

/** Starts uploads of "hello world" that stop halfway, and resolves once the app is reading every body. */
async function halfUploads(cli: ServingCli, count: number) {
  const uploads = await Promise.all(Array.from({ length: count }, () => rawConnection(cli.url)));
  for (const upload of uploads) upload.send(`${postHeaders('/raw/upload', 11)}hello`);
  await cli.waitFor('upload started', count);
  return uploads;
}

describe('graceful shutdown', () => {
  it('answers every accepted request, bodies still uploading included, then shuts the app down and exits 0', async () => {
    const cli = await serve();
    const uploads = await halfUploads(cli, 3);
    cli.child.kill('SIGTERM');
    await cli.waitFor('Shutting down on SIGTERM: finishing 3 requests (at most 25 s)');
    for (const upload of uploads) upload.send(' world');
    for (const upload of uploads) {
      const response = await upload.closed;
      expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(response).toMatch(/^connection: close/im);
      expect(response).toContain('{"bytes":11}');
    }
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('lifecycle app shut down');
    expect(cli.stderr()).toBe('');
  });

  it('answers ready 503 while draining, and closes idle keep-alive connections at once', async () => {
    const cli = await serve();
    // A connection that served a request, then began the next one: the server has it in hand.
    const probe = await rawConnection(cli.url);
    const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: test\r\n`;
    probe.send(`${get('/health/ready')}\r\n${get('/health/ready')}`);
    await probe.received('{"status":"ready"}');
    const idle = await rawConnection(cli.url);
    idle.send(`${get('/pid')}\r\n`);
    await idle.received('"pid"');
    const [upload] = await halfUploads(cli, 1);
    cli.child.kill('SIGTERM');
    await cli.waitFor('Shutting down on SIGTERM');
    await idle.closed;
    probe.send('\r\n');
    const answered = (await probe.closed).split('{"status":"ready"}')[1];
    expect(answered).toMatch(/^HTTP\/1\.1 503 Service Unavailable/);
    expect(answered).toMatch(/^connection: close/im);
    expect(answered).toContain(
      '{"status_code":503,"detail":"Not ready: the app is draining.","error":"HTTPException"}',
    );
    upload!.send(' world');
    expect(await upload!.closed).toContain('{"bytes":11}');
    expect(await cli.exited).toBe(0);
  });

  it('ends event streams and closes WebSockets with 1001 (Going Away)', async () => {
    const cli = await serve();
    const events = await rawConnection(cli.url);
    events.send('GET /raw/events HTTP/1.1\r\nHost: test\r\n\r\n');
    await cli.waitFor('events started');
    const socket = await rawConnection(cli.url);
    socket.send(upgradeRequest('/socket'));
    await cli.waitFor('socket open');
    await socket.received('HTTP/1.1 101');
    cli.child.kill('SIGTERM');
    const frame = await socket.received('\x88');
    expect(frame.slice(frame.indexOf('\x88') + 2, frame.indexOf('\x88') + 4)).toBe('\x03\xe9');
    socket.send(clientCloseFrame);
    expect(await events.closed).toMatch(/data: hello\r?\n\r?\n(\r\n)?0\r\n\r\n$/);
    await socket.closed;
    expect(await cli.exited).toBe(0);
  });

  it('takes two signals within a second as one (pnpm forwards Ctrl-C’s SIGINT again)', async () => {
    const cli = await serve();
    const [upload] = await halfUploads(cli, 1);
    cli.child.kill('SIGINT');
    cli.child.kill('SIGINT');
    await cli.waitFor('Shutting down on SIGINT');
    upload!.send(' world');
    expect(await upload!.closed).toContain('{"bytes":11}');
    expect(await cli.exited).toBe(0);
    expect(cli.output().match(/Shutting down/g)).toHaveLength(1);
    expect(cli.stderr()).toBe('');
  });

  it('exits at once, non-zero, on a second signal more than a second after the first', async () => {
    const cli = await serve();
    const [upload] = await halfUploads(cli, 1);
    cli.child.kill('SIGTERM');
    await cli.waitFor('Shutting down on SIGTERM');
    // The signals must be more than a second apart, which only waiting can make sure of.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    cli.child.kill('SIGTERM');
    // ended by the signal itself, which a shell reports as 143
    expect(await cli.exited).toBeNull();
    expect(cli.child.signalCode).toBe('SIGTERM');
    expect(cli.stderr()).toContain('flama: SIGTERM again: exiting without finishing 1 request.');
    expect(await upload!.closed).not.toContain('HTTP/1.1');
  });

  it('cuts what is left at --server-shutdown-timeout and exits 1', async () => {
    const cli = await serve('--server-shutdown-timeout', '0.5');
    const [upload] = await halfUploads(cli, 1);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain('flama: shutdown took over 0.5 s; open requests were cut.');
    expect(cli.output()).toContain('lifecycle app shut down');
    expect(await upload!.closed).not.toContain('HTTP/1.1');
  });
});

describe('signals while the app starts', () => {
  it('SIGTERM stops it once started, closing what it opened, and exits 0 without serving', async () => {
    const cli = pipeCli(['run', slowApp, '--server-port', '0']);
    expect(await cli.nextLine()).toBe('loading the models');
    cli.child.kill('SIGTERM');
    expect(await cli.nextLine()).toBe('SIGTERM: shutting down as soon as the app has started');
    cli.child.kill('SIGUSR2');
    expect(await cli.nextLine()).toBe('models stopped');
    expect(await cli.exited).toEqual({ code: 0, stderr: '' });
  });
});

describe('SIGHUP', () => {
  it('reloads the app and keeps serving', async () => {
    const cli = await serve();
    cli.child.kill('SIGHUP');
    await cli.waitFor('Reloaded (SIGHUP)');
    cli.child.kill('SIGHUP');
    await cli.waitFor('Reloaded (SIGHUP)', 2);
    expect(cli.output()).toContain('counter reloaded 2 times');
    expect(await (await fetch(`${cli.url}/reloads`)).json()).toEqual({ reloads: 2 });
    expect(await cli.stop('SIGTERM')).toBe(0);
  });

  it('leaves a process that is still starting alone', async () => {
    const cli = pipeCli(['run', slowApp, '--server-port', '0']);
    expect(await cli.nextLine()).toBe('loading the models');
    cli.child.kill('SIGHUP');
    expect(await cli.nextLine()).toBe('SIGHUP: still starting, nothing to reload yet');
    cli.child.kill('SIGUSR2');
    const url = /serving on (\S+)/.exec((await cli.nextLine()) ?? '')?.[1];
    expect(await (await fetch(`${url}/`)).json()).toBe('started');
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, stderr: '' });
  });
});
