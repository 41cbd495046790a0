import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ServingCli, serveCli } from './testing/cli-process';
import { packedModels } from './testing/packed-models';
import { pipeCli } from './testing/piped-cli';

let dir: string;
const running: ServingCli[] = [];
const reason =
  "sklearn.flm holds a sklearn model, which only Python can run. Export it to ONNX (skl2onnx: to_onnx(model, X[:1], options={'zipmap': False})), then pack it: flama pack model.onnx -o model.flm.";

beforeAll(async () => {
  dir = await packedModels();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop('SIGKILL')));
});

describe('a Python-made .flm (a pickled sklearn model)', () => {
  it('is inspected like any other', async () => {
    const result = await runCli(['model', 'sklearn.flm', 'inspect'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      meta: { framework: { lib: 'sklearn' }, model: { obj: 'LogisticRegression' } },
      artifacts: ['notes.txt'],
    });
  });

  it('fails to predict before reading any input, saying how to export it to ONNX', async () => {
    for (const args of [[], ['--stream']]) {
      // standard input stays open: the command must not wait for it
      const cli = pipeCli(['model', 'sklearn.flm', 'predict', ...args], { cwd: dir });
      const { code, stderr } = await cli.exited;
      expect([code, stderr.trim()]).toEqual([1, `flama: ${reason}`]);
    }
  });

  it('is served for inspection, and predicting answers 501 with the reason', async () => {
    const cli = await serveCli(['serve', 'sklearn.flm', '--server-port', '0'], { cwd: dir });
    running.push(cli);
    const inspect = await fetch(`${cli.url}/`);
    expect(inspect.status).toBe(200);
    expect(await inspect.json()).toMatchObject({ meta: { framework: { lib: 'sklearn' } } });
    const predict = await fetch(`${cli.url}/predict/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: [[1, 2]] }),
    });
    expect(predict.status).toBe(501);
    expect(await predict.json()).toEqual({
      status_code: 501,
      detail: reason,
      error: 'PythonModelError',
    });
  });
});
