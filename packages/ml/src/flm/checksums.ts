import { createHash } from 'node:crypto';
import { FlmFormatError } from './errors';
import type { BodyLayout } from './layout';
import type { FlmMeta } from './meta';

type Checksums = NonNullable<FlmMeta['checksums']>;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** `sha256:<hex>` of each stored section, codec and kind bytes included. */
export function checksumsOf(stored: BodyLayout['stored']): Checksums {
  return { artifacts: digest(stored.artifacts), model: digest(stored.model) };
}

/** Verifies `meta.checksums` when the file has them (files from Python Flama don't). */
export function verifyChecksums(meta: FlmMeta, stored: BodyLayout['stored']): void {
  const expected = meta.checksums;
  if (expected === undefined) return;
  if (!isChecksums(expected)) {
    throw new FlmFormatError(
      'invalid-meta',
      'meta.checksums must be {"artifacts": "sha256:<hex>", "model": "sha256:<hex>"}',
    );
  }
  const actual = checksumsOf(stored);
  for (const section of ['artifacts', 'model'] as const) {
    if (actual[section] !== expected[section]) {
      throw new FlmFormatError(
        'checksum-mismatch',
        `The ${section} section does not match its checksum: the file is damaged`,
      );
    }
  }
}

function isChecksums(value: unknown): value is Checksums {
  const checksums = value as Partial<Checksums> | null;
  return (
    typeof checksums === 'object' &&
    checksums !== null &&
    DIGEST.test(String(checksums.artifacts)) &&
    DIGEST.test(String(checksums.model))
  );
}

function digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
