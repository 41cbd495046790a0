import { expect, it } from 'vitest';
import { fromHalf, toHalf } from './float16.js';

it('converts numbers to half precision and back, exactly where a half can hold them', () => {
  for (const value of [0, 1, -2, 0.5, 65504, -65504, 2 ** -14, 2 ** -24, 1.5, 0.0999755859375]) {
    expect(fromHalf(toHalf(value))).toBe(value);
  }
  expect(toHalf(1)).toBe(0x3c00);
  expect(toHalf(-2)).toBe(0xc000);
  expect(fromHalf(toHalf(0.1))).toBeCloseTo(0.1, 3);
  expect(fromHalf(toHalf(70000))).toBe(Number.POSITIVE_INFINITY);
  expect(Number.isNaN(fromHalf(toHalf(Number.NaN)))).toBe(true);
  expect(fromHalf(toHalf(2 ** -26))).toBe(0);
});
