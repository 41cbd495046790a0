import type { OperationDescription } from './options';
import type { Tag } from './types';

/** The declared tags, then those operations use without declaring them, in order of first use. */
export function documentTags(declared: readonly Tag[], operations: readonly OperationDescription[]): Tag[] {
  const tags = [...declared];
  const names = new Set(declared.map((tag) => tag.name));
  for (const operation of operations) {
    for (const name of operation.tags ?? []) {
      if (!names.has(name)) {
        names.add(name);
        tags.push({ name });
      }
    }
  }
  return tags;
}
