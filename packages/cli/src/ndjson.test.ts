import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lines } from './ndjson';

async function collect(chunks: string[]): Promise<string[]> {
  const found: string[] = [];
  for await (const line of lines(Readable.from(chunks))) found.push(line);
  return found;
}

describe('lines', () => {
  it('splits lines across chunk boundaries, as they arrive', async () => {
    expect(await collect(['[1,', ' 2]\n[3', ']\n', '\n{"a"', ': 1}'])).toEqual([
      '[1, 2]',
      '[3]',
      '',
      '{"a": 1}',
    ]);
  });

  it('drops the \\r of \\r\\n endings, and yields no line after a final newline', async () => {
    expect(await collect(['a\r\nb\r', '\n'])).toEqual(['a', 'b']);
    expect(await collect([])).toEqual([]);
  });
});
