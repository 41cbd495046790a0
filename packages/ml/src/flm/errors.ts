/** What is wrong with a `.flm` file (or with what was given to the writer). */
export type FlmErrorReason =
  | 'not-flm'
  | 'unknown-compression'
  | 'unknown-model-kind'
  | 'truncated'
  | 'size-mismatch'
  | 'checksum-mismatch'
  | 'too-large'
  | 'corrupt'
  | 'unsafe-name'
  | 'invalid-name'
  | 'duplicate-name'
  | 'invalid-meta';

/** A malformed, damaged or oversized `.flm` file; `reason` says which rule it broke. */
export class FlmFormatError extends Error {
  override name = 'FlmFormatError';

  constructor(
    readonly reason: FlmErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export function tooLarge(limit: number): FlmFormatError {
  return new FlmFormatError(
    'too-large',
    `Decompressed data exceeds the limit of ${limit} bytes (raise the maxSize option if the file is trusted)`,
  );
}
