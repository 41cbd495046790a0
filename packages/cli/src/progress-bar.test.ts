import { describe, expect, it } from 'vitest';
import { progressOn, renderProgress } from './progress-bar';

describe('renderProgress', () => {
  it('fills the bar in proportion to the rows done', () => {
    expect(renderProgress(0, 10_000, 10)).toBe('[..........] 0/10000 rows');
    expect(renderProgress(1234, 10_000, 10)).toBe('[#.........] 1234/10000 rows');
    expect(renderProgress(5000, 10_000, 10)).toBe('[#####.....] 5000/10000 rows');
    expect(renderProgress(9999, 10_000, 10)).toBe('[#########.] 9999/10000 rows');
    expect(renderProgress(10_000, 10_000, 10)).toBe('[##########] 10000/10000 rows');
    expect(renderProgress(0, 0, 4)).toBe('[####] 0/0 rows');
    expect(renderProgress(3, 2)).toBe(`[${'#'.repeat(20)}] 3/2 rows`);
  });
});

describe('progressOn', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    const fake = { isTTY, write: (text: string) => written.push(text) > 0 };
    return { written, stream: fake as unknown as NodeJS.WriteStream };
  };

  it('redraws in place on a terminal and clears the line at the end', () => {
    const { written, stream: terminal } = stream(true);
    const progress = progressOn(terminal, 4);
    progress.update(2);
    progress.clear();
    expect(written).toEqual([`\r[${'#'.repeat(10)}${'.'.repeat(10)}] 2/4 rows\x1b[K`, '\r\x1b[K']);
  });

  it('writes nothing to a pipe or a file', () => {
    const { written, stream: pipe } = stream(false);
    const progress = progressOn(pipe, 4);
    progress.update(2);
    progress.clear();
    expect(written).toEqual([]);
  });
});
