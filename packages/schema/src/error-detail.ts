import { z } from 'zod';

/** Flama's `detail` for validation errors: each failing field's dotted path mapped to its messages. */
export type ErrorDetail = Record<string, string[]>;

export const REQUIRED_MESSAGE = 'Required';
export const UNRECOGNIZED_KEY_MESSAGE = 'Unrecognized key';

// zod 4 reports a missing value as a type mismatch against `undefined`. A ZodError no longer carries the input,
// so without it the (English) message is the only sign.
const MISSING_VALUE = /received undefined$/;
const MISSING_CODES = new Set(['invalid_type', 'invalid_value', 'invalid_union']);
const NO_INPUT: unique symbol = Symbol('no input');

/**
 * Flattens a ZodError into `{"dotted.path": ["message", ...]}`. Array indices are path segments
 * (`items.0.name`); issues about the value itself go under `rootKey`. A missing value reads "Required".
 */
export function errorDetail(error: z.ZodError, rootKey = 'body'): ErrorDetail {
  return detailOf(error, rootKey, NO_INPUT);
}

/**
 * As errorDetail, knowing the parsed input: any issue where the input has nothing ("Invalid option" of an enum,
 * a union, a type) reads "Required". Looking the value up here, on the error path, keeps the happy path free:
 * a per-parse error map would do the same but makes every zod parse several times slower.
 */
export function inputErrorDetail(error: z.ZodError, rootKey: string, input: unknown): ErrorDetail {
  return detailOf(error, rootKey, input);
}

function detailOf(error: z.ZodError, rootKey: string, input: unknown): ErrorDetail {
  const detail: ErrorDetail = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        addMessage(detail, pathKey([...issue.path, key], rootKey), UNRECOGNIZED_KEY_MESSAGE);
      continue;
    }
    addMessage(
      detail,
      pathKey(issue.path, rootKey),
      isMissing(issue, input) ? REQUIRED_MESSAGE : issue.message,
    );
  }
  return detail;
}

function isMissing(issue: z.core.$ZodIssue, input: unknown): boolean {
  if (input === NO_INPUT) return issue.code === 'invalid_type' && MISSING_VALUE.test(issue.message);
  return MISSING_CODES.has(issue.code) && valueAt(input, issue.path) === undefined && isLocaleMessage(issue);
}

/** Whether the message is zod's own, not one the schema (or the app's error map) chose, which must be kept. */
function isLocaleMessage(issue: z.core.$ZodIssue): boolean {
  // A finalized issue has no `input`, which is what a missing value looks like to the locale: fine for this check.
  const message = z.config().localeError?.(issue as unknown as z.core.$ZodRawIssue);
  return (typeof message === 'string' ? message : message?.message) === issue.message;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

export function pathKey(path: readonly PropertyKey[], rootKey: string): string {
  if (path.length === 0) return rootKey;
  let key = segment(path[0]!);
  for (let i = 1; i < path.length; i++) key += `.${segment(path[i]!)}`;
  return key;
}

function segment(part: PropertyKey): string {
  return typeof part === 'symbol' ? (part.description ?? '') : String(part);
}

/** Adds a message once per key. Keys come from user input (unknown keys), so `__proto__` must stay a plain key. */
export function addMessage(detail: ErrorDetail, key: string, message: string): void {
  const messages = Object.hasOwn(detail, key) ? detail[key] : undefined;
  if (messages) {
    if (!messages.includes(message)) messages.push(message);
  } else {
    Object.defineProperty(detail, key, {
      value: [message],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}
