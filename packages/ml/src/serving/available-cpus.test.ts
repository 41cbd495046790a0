import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { availableCpus } from './available-cpus';

const directory = mkdtempSync(join(tmpdir(), 'cpu-max-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const cpuMax = (text: string) => {
  const file = join(directory, `cpu.max.${Math.random()}`);
  writeFileSync(file, text);
  return file;
};

test('a cgroup quota caps the CPUs (Kubernetes limits), rounded up', () => {
  expect(availableCpus(cpuMax('50000 100000\n'))).toBe(1);
  expect(availableCpus(cpuMax(`${availableParallelism() * 100000 + 1} 100000\n`))).toBe(
    availableParallelism(),
  );
});

test('no quota, or no cgroup file, leaves what Node counts', () => {
  expect(availableCpus(cpuMax('max 100000\n'))).toBe(availableParallelism());
  expect(availableCpus(join(directory, 'missing'))).toBe(availableParallelism());
});
