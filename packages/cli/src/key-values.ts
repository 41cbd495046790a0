import { CliError } from './cli-error';

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Splits `key=value` at the first `=`. */
export function splitKeyValue(text: string, option: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new CliError(`${option} takes key=value, not "${text}".`);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** `--param C=1 --param kernel=rbf` → `{ C: 1, kernel: 'rbf' }`: a value that reads as JSON is JSON. */
export function keyValues(
  entries: string[] | undefined,
  option: string,
): Record<string, unknown> | undefined {
  if (!entries || entries.length === 0) return undefined;
  const values: Record<string, unknown> = {};
  for (const entry of entries) {
    const [key, raw] = splitKeyValue(entry, option);
    values[key] = parseValue(raw);
  }
  return values;
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** `file=a.flm,url=/a/,name=a` → `{ file: 'a.flm', url: '/a/', name: 'a' }`. */
export function fields(text: string, option: string, allowed: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [key, value] = splitKeyValue(part, option);
    if (!allowed.includes(key))
      throw new CliError(`${option} takes ${allowed.join(', ')}; "${key}" is not one of them.`);
    result[key] = value;
  }
  return result;
}
