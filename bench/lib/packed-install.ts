import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
let installed: Promise<string> | undefined;

/**
 * The `flama` bin of `flama` packed and installed with npm into a temporary project (scripts/install-packed.mjs):
 * the built code a user runs, not the workspace's TypeScript sources. Installed once per run, removed at exit.
 */
export function packedFlamaBin(root: string, log: (line: string) => void): Promise<string> {
  installed ??= (async () => {
    const directory = mkdtempSync(join(tmpdir(), 'flama-bench-packed-'));
    process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
    log(`  packing the packages and installing flama with npm into ${directory}`);
    const script = join(root, 'scripts', 'install-packed.mjs');
    const { stdout } = await run(process.execPath, [script, directory], { cwd: root });
    return join(stdout.trim(), 'node_modules', '@flama', 'cli', 'bin', 'flama.js');
  })();
  return installed;
}
