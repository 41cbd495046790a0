import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from '@flama/ml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './testing/cli-process';
import { packedModels } from './testing/packed-models';
import { pipeCli } from './testing/piped-cli';

let dir: string;

beforeAll(async () => {
  dir = await packedModels();
});

describe('flama model <file> predict --stream', () => {
  it('answers each line as soon as it arrives, while its input stays open', async () => {
    const cli = pipeCli(['model', 'classifier.flm', 'predict', '--stream'], { cwd: dir });
    cli.send('[1, 0]\n');
    expect(JSON.parse((await cli.nextLine())!)).toBe(1);
    cli.send('{"x": [[0]], "y": [[1]]}\r\n');
    expect(JSON.parse((await cli.nextLine())!)).toMatchObject({
      label: { type: 'int64', shape: [1], data: [0] },
      probabilities: { type: 'float', shape: [1, 2] },
    });
    // a blank line is skipped (it still counts as a line), a bad one answers an error and the rest go on
    cli.send('\n[1, 2\n');
    expect(JSON.parse((await cli.nextLine())!)).toEqual({
      error: expect.stringMatching(/^Invalid JSON: /),
      line: 4,
    });
    cli.send('[1]\n"a row"\n[0, 1]');
    expect(JSON.parse((await cli.nextLine())!)).toEqual({
      error: 'Row 0 has 1 values; the model takes 2 columns (x, y)',
      line: 5,
    });
    expect(JSON.parse((await cli.nextLine())!)).toEqual({
      error: 'A line must be a JSON array (one row) or an object of named tensors',
      line: 6,
    });
    cli.end(); // the last line has no newline
    expect(JSON.parse((await cli.nextLine())!)).toBe(0);
    expect(await cli.nextLine()).toBeUndefined();
    const { code, stderr } = await cli.exited;
    expect([code, stderr.trim()]).toEqual([1, 'flama: 3 of 6 lines failed; their errors are in the output.']);
  });

  it('streams a long input, equal to the in-process model, with exit code 0', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [(i % 7) / 3, (i % 5) / 2]);
    const model = await load(join(dir, 'classifier.flm'));
    const expected = await model.predict(rows);
    await model.close();
    const result = await runCli(['model', 'classifier.flm', 'predict', '--stream'], {
      cwd: dir,
      input: rows.map((row) => JSON.stringify(row)).join('\n'),
    });
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(expected);
  });

  it('stops quietly when the reader goes away (… | head -1)', async () => {
    const cli = pipeCli(['model', 'doubler.flm', 'predict', '--stream'], { cwd: dir });
    cli.send('[1]\n');
    expect(await cli.nextLine()).toBe('2');
    cli.child.stdout.destroy();
    cli.send('[2]\n[3]\n'.repeat(1000));
    const { code, stderr } = await cli.exited;
    expect([code, stderr]).toEqual([0, '']);
  });

  it('reads --file and writes --output line by line', async () => {
    await writeFile(join(dir, 'rows.ndjson'), '[1]\n[2.5]\n');
    const result = await runCli(
      ['model', 'doubler.flm', 'predict', '--stream', '--file', 'rows.ndjson', '--output', 'out.ndjson'],
      { cwd: dir },
    );
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
    expect(await readFile(join(dir, 'out.ndjson'), 'utf8')).toBe('2\n5\n');
  });

  it('is described in --help', async () => {
    const help = await runCli(['model', '--help']);
    expect(help.stdout).toContain('--stream');
    expect(help.stdout).toContain('{"error": "...", "line": n}');
  });

  it('refuses what it can’t do, in one line', async () => {
    const cases: [string[], string][] = [
      [
        ['model', 'doubler.flm', 'predict', '--stream', '--pretty'],
        'flama: --pretty and --stream don’t mix: --stream writes one JSON value per line.',
      ],
      [
        ['model', 'doubler.flm', 'predict', '--stream', '--file', 'nowhere.ndjson'],
        "flama: Can't read nowhere.ndjson: ENOENT",
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(message);
    }
  });
});
