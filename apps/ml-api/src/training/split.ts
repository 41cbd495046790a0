import type { Random } from './random';

export interface Split {
  readonly train: readonly number[];
  readonly test: readonly number[];
}

/** Row indexes split at random, each class in the same proportion in both parts (stratified). */
export function stratifiedSplit(labels: readonly (0 | 1)[], testFraction: number, random: Random): Split {
  const train: number[] = [];
  const test: number[] = [];
  for (const target of [0, 1]) {
    const indexes = random.shuffle(labels.flatMap((label, index) => (label === target ? [index] : [])));
    const testSize = Math.round(indexes.length * testFraction);
    test.push(...indexes.slice(0, testSize));
    train.push(...indexes.slice(testSize));
  }
  return { train, test };
}
