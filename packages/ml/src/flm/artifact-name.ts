import { FlmFormatError } from './errors';

const FORBIDDEN = /[/\\:\0]/;

/**
 * An artifact name must be a plain file name, so that nobody extracting the artifacts can be sent
 * outside their folder: not empty, not `.` or `..`, and without `/`, `\`, `:` (Windows drives and
 * streams) or NUL. Returns the name unchanged.
 */
export function checkArtifactName(name: string): string {
  if (name === '' || name === '.' || name === '..' || FORBIDDEN.test(name)) {
    throw new FlmFormatError('unsafe-name', `Artifact name ${JSON.stringify(name)} is not a plain file name`);
  }
  return name;
}

/** Decodes a stored name (strict UTF-8) and checks it. */
export function decodeArtifactName(bytes: Uint8Array): string {
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FlmFormatError('invalid-name', 'An artifact name is not valid UTF-8');
  }
  return checkArtifactName(name);
}
