import { DocsOptionsError } from './errors';

// `&` is escaped too: Scalar reads data-configuration with getAttribute() and then replaces any
// literal `&quot;` left in the text by `"`, which would corrupt a string value holding "&quot;".
const UNSAFE = /[<>&\u2028\u2029]/g;

function toUnicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * JSON text that is safe inside HTML (script bodies and attributes): it never contains `<`, `>` or `&`.
 * Values JSON can't carry (functions, symbols, bigints, cycles) are errors rather than silently dropped.
 */
export function safeJson(value: unknown, option: string): string {
  let text: string;
  try {
    text = JSON.stringify(value, (key, item: unknown) => {
      const kind = typeof item;
      if (kind === 'function' || kind === 'symbol' || kind === 'bigint') {
        throw new DocsOptionsError(
          option,
          `the key "${key}" holds a ${kind}; the page receives JSON, so pass only JSON values ` +
            '(strings, numbers, booleans, null, arrays, plain objects).',
        );
      }
      return item;
    });
  } catch (error) {
    if (error instanceof DocsOptionsError) throw error;
    throw new DocsOptionsError(option, 'it must be JSON-serialisable (no cycles).', { cause: error });
  }
  return text.replace(UNSAFE, toUnicodeEscape);
}
