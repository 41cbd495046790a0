import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/**
 * A ZodError's issues as one line, each naming its JSON path: `app.models.0.url: Required; server.port: …`.
 * Where a value may take several forms (`"app"` is a string or an object), the issues shown are those of the
 * form the value has, not zod's "Invalid input".
 */
export function describeIssues(issues: readonly Issue[]): string {
  return flatten(issues, []).join('; ');
}

function flatten(issues: readonly Issue[], prefix: readonly PropertyKey[]): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => line([...path, key], 'Unrecognized key'));
    }
    if (issue.code === 'invalid_union') {
      const forms = issue.errors.filter((branch) => !isWrongForm(branch));
      if (forms.length === 1) return flatten(forms[0]!, path);
      if (issue.errors.every(([first]) => first !== undefined && isMissing(first))) {
        return [line(path, 'Required')];
      }
    }
    return [line(path, isMissing(issue) ? 'Required' : issue.message)];
  });
}

/** The value isn't of this form at all (a string where an object was expected). */
function isWrongForm(branch: readonly Issue[]): boolean {
  return (
    branch.length === 1 &&
    branch[0]!.path.length === 0 &&
    (branch[0]!.code === 'invalid_type' || branch[0]!.code === 'invalid_value')
  );
}

// zod 4 reports a missing value as a type mismatch against undefined; its message is the only sign of it.
function isMissing(issue: Issue): boolean {
  return issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
}

function line(path: readonly PropertyKey[], message: string): string {
  return path.length === 0 ? message : `${path.map(String).join('.')}: ${message}`;
}
