import { describe, expect, test } from 'vitest';
import { CsvError, parseCsv } from './csv';

describe('parseCsv', () => {
  test('splits records and fields, with or without a final line break', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r\n1,\r\n,3')).toEqual([
      ['a', 'b'],
      ['1', ''],
      ['', '3'],
    ]);
  });

  test('quoted fields hold commas, line breaks and doubled quotes', () => {
    expect(parseCsv('name,note\n"Smith, Jr.","said ""hi""\nthen left"\n')).toEqual([
      ['name', 'note'],
      ['Smith, Jr.', 'said "hi"\nthen left'],
    ]);
  });

  test('an empty quoted field is an empty string', () => {
    expect(parseCsv('"",x')).toEqual([['', 'x']]);
  });

  test('an unterminated quote is an error naming the record', () => {
    expect(() => parseCsv('a\n"open,1\n')).toThrow(new CsvError('Unterminated quoted field in record 2'));
  });
});
