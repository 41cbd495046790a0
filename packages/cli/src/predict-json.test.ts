import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from '@flama/ml';
import { beforeAll, describe, expect, it } from 'vitest';
import { binPath, runCli } from './testing/cli-process';
import { packedModels } from './testing/packed-models';

let dir: string;
/** More rows than the model's maxRows (10 000) in one call: predicted in batches. */
const rows = Array.from({ length: 10_300 }, (_, i) => [(i % 7) / 3, (i % 5) / 2]);
let expected: unknown[];

beforeAll(async () => {
  dir = await packedModels();
  await writeFile(join(dir, 'rows.json'), JSON.stringify(rows));
  const model = await load(join(dir, 'classifier.flm'));
  expected = [...(await model.predict(rows.slice(0, 5000))), ...(await model.predict(rows.slice(5000)))];
  await model.close();
});

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('flama model <file> predict', () => {
  it('predicts a file of many rows, with no progress output when standard error is not a terminal', async () => {
    const result = await runCli(['model', 'classifier.flm', 'predict', '--file', 'rows.json'], { cwd: dir });
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toEqual(expected);
  });

  it.skipIf(!hasScript)('draws a progress bar on a terminal, and clears it', async () => {
    const command = [process.execPath, binPath, 'model', 'classifier.flm', 'predict', '--file', 'rows.json'];
    const terminal = execFileSync(
      'script',
      ['-qec', [...command, '--output', 'out.json'].map((arg) => `'${arg}'`).join(' '), '/dev/null'],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(terminal).toContain('\r[....................] 0/10300 rows\x1b[K');
    expect(terminal).toContain('\r[##########..........] 5376/10300 rows\x1b[K');
    expect(terminal).toContain('\r[####################] 10300/10300 rows\x1b[K');
    expect(terminal.endsWith('\r\x1b[K')).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'))).toEqual(expected);
  });

  it('names a bad row by its place in the whole input', async () => {
    await writeFile(join(dir, 'bad-rows.json'), JSON.stringify([...rows.slice(0, 300), [1], ...rows]));
    const result = await runCli(['model', 'classifier.flm', 'predict', '--file', 'bad-rows.json'], {
      cwd: dir,
    });
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr.trim()).toBe('flama: Row 300 has 1 values; the model takes 2 columns (x, y)');
  });

  it('runs an object of named tensors, printing every output with its shape', async () => {
    const input = { x: [[1], [0]], y: [[0], [1]] };
    const model = await load(join(dir, 'classifier.flm'));
    const outputs = await model.run(input);
    await model.close();
    const result = await runCli(['model', 'classifier.flm', 'predict'], {
      cwd: dir,
      input: JSON.stringify(input),
    });
    expect([result.code, JSON.parse(result.stdout)]).toEqual([0, outputs]);
    expect(outputs).toMatchObject({ label: { shape: [2], data: [1, 0] }, probabilities: { shape: [2, 2] } });
    const unknown = await runCli(['model', 'classifier.flm', 'predict'], { cwd: dir, input: '{"z": [[1]]}' });
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      1,
      "flama: Unknown input 'z'; the model takes x, y",
    ]);
  });

  it('refuses input that is neither rows nor named tensors', async () => {
    const result = await runCli(['model', 'classifier.flm', 'predict'], { cwd: dir, input: '42' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'flama: The input must be a JSON array of rows, e.g. [[1, 2, "a"]], or an object of named tensors, e.g. {"x": [[1, 2]]}.',
    );
  });
});
