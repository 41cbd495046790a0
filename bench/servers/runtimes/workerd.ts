// BENCH_APP (hono or hello) as a Cloudflare Worker on workerd itself. Built as `wrangler deploy` builds it
// (--dry-run, offline), then served by the workerd binary with a config of its own: no `wrangler dev` proxy and no
// Miniflare entry Worker in front, which would add the same work to both apps.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../lib/free-port';

const configs: Record<string, URL> = {
  hono: new URL('./hono-worker.toml', import.meta.url),
  hello: new URL('../../../apps/hello/wrangler.toml', import.meta.url),
};
const config = configs[process.env.BENCH_APP ?? ''];
if (!config)
  throw new Error(`BENCH_APP must be "hono" or "hello", not ${JSON.stringify(process.env.BENCH_APP)}`);
const bin = (name: string) => fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));

const outdir = mkdtempSync(join(tmpdir(), 'flama-bench-worker-'));
execFileSync(
  bin('wrangler'),
  ['deploy', '--dry-run', '--config', fileURLToPath(config), '--outdir', outdir],
  {
    cwd: dirname(fileURLToPath(config)),
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
// The bundle is named after the Worker's main file (hono-worker.js, worker.js), beside its source map.
const bundle = readdirSync(outdir).find((file) => file.endsWith('.js'));
if (!bundle) throw new Error(`wrangler wrote no bundle into ${outdir}`);
const port = await freePort();
writeFileSync(
  join(outdir, 'config.capnp'),
  `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "${bundle}", esModule = embed "${bundle}")],
  compatibilityDate = "2026-04-01",
  compatibilityFlags = ["nodejs_compat"],
);
`,
);
const workerd = spawn(bin('workerd'), ['serve', join(outdir, 'config.capnp')], { stdio: 'inherit' });
workerd.once('exit', (code) => process.exit(code ?? 1));
await waitForPort(port);

// The runner's IPC channel, as servers/announce.ts uses it; workerd goes with this process.
process.on('disconnect', () => {
  workerd.kill('SIGTERM');
  rmSync(outdir, { recursive: true, force: true });
  process.exit(0);
});
process.send?.({ listening: port });

/** Resolves once something answers HTTP on `port` (workerd prints nothing when it listens). */
async function waitForPort(port: number): Promise<void> {
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
