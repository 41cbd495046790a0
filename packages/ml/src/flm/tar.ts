import { FlmFormatError } from './errors';

const BLOCK = 512;
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface TarMember {
  name: string;
  /** `file` for regular files; links, devices and directories are listed but never read. */
  type: 'file' | 'other';
  data: Uint8Array;
}

/**
 * Lists the members of a tar archive (ustar, with pax `path` records and GNU long names, as Python's
 * tarfile writes them). Checks header checksums and member sizes; extracts nothing.
 */
export function readTar(archive: Uint8Array): TarMember[] {
  const members: TarMember[] = [];
  let position = 0;
  let longName: string | undefined;
  while (position < archive.length) {
    if (position + BLOCK > archive.length)
      throw new FlmFormatError('truncated', 'The tar archive ends inside a header');
    const header = archive.subarray(position, position + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    checkHeader(header);
    const size = octal(header.subarray(124, 136));
    const start = position + BLOCK;
    if (size > archive.length - start)
      throw new FlmFormatError('truncated', 'A tar member runs past the end of the archive');
    const data = archive.subarray(start, start + size);
    position = start + Math.ceil(size / BLOCK) * BLOCK;
    const type = ascii(header.subarray(156, 157));
    if (type === 'x') longName = paxPath(data) ?? longName;
    else if (type === 'L') longName = text(data).replace(/\0+$/, '');
    else if (type !== 'g') {
      members.push({
        name: longName ?? headerName(header),
        type: type === '0' || type === '\0' ? 'file' : 'other',
        data,
      });
      longName = undefined;
    }
  }
  return members;
}

function checkHeader(header: Uint8Array): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  if (octal(header.subarray(148, 156)) !== sum)
    throw new FlmFormatError('corrupt', 'A tar header fails its checksum');
}

function headerName(header: Uint8Array): string {
  const name = cString(header.subarray(0, 100));
  const isUstar = ascii(header.subarray(257, 262)) === 'ustar';
  const prefix = isUstar ? cString(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** The `path` record of a pax extended header: lines `<length> <key>=<value>\n`. */
function paxPath(data: Uint8Array): string | undefined {
  for (const record of text(data).split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

/** A numeric field: octal text, or base-256 when the high bit of its first byte is set. */
function octal(field: Uint8Array): number {
  if (field[0]! & 0x80)
    return field.subarray(1).reduce((value, byte) => value * 256 + byte, field[0]! & 0x7f);
  const digits = ascii(field)
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]*$/.test(digits)) throw new FlmFormatError('corrupt', 'A tar header has a malformed number');
  return digits === '' ? 0 : Number.parseInt(digits, 8);
}

function cString(field: Uint8Array): string {
  const end = field.indexOf(0);
  return text(end === -1 ? field : field.subarray(0, end));
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function text(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FlmFormatError('invalid-name', 'A tar member name is not valid UTF-8');
  }
}
