import type { RawFeeds } from './raw-tensor';
import type { ElementType } from './signature';

/** How rows become a model's inputs: one `[N, 1]` tensor per column, or one `[N, C]` matrix. Plain data. */
export type FeedPlan =
  | { readonly layout: 'columns'; readonly columns: readonly { name: string; type: ElementType }[] }
  | {
      readonly layout: 'matrix';
      readonly name: string;
      readonly type: ElementType;
      readonly width: number | null;
    };

/** Which row (and column) doesn't fit, and how. */
export type FeedFailure =
  | { readonly kind: 'not-rows'; readonly row: number; readonly value: unknown }
  | {
      readonly kind: 'column-count' | 'ragged';
      readonly row: number;
      readonly count: number;
      readonly width?: number;
    }
  | { readonly kind: 'wrong-type'; readonly row: number; readonly column: number; readonly value: unknown };

export function feedRows(
  plan: FeedPlan,
  rows: readonly unknown[],
): { readonly feeds: RawFeeds } | { readonly failure: FeedFailure };
