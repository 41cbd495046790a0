import type { RawFeeds, RawOutputs } from './raw-tensor';

/** Triton's dynamic batcher: rows of queued requests run together when an inference thread is free. */
export interface BatchingOptions {
  /** The most rows one run takes; a request with more runs alone. Default 64. */
  readonly maxBatchSize?: number;
  /** How long (ms) a batch smaller than `maxBatchSize` may wait for more rows. Default 0: never. */
  readonly maxQueueDelay?: number;
}

/** A request waiting for a thread. Requests with the same key (inputs, their types and inner dims, fetches) join. */
export interface Queued {
  readonly feeds: RawFeeds;
  /** A JSON body of rows the thread parses and feeds itself (`feeds` is empty); joins other JSON bodies. */
  readonly json?: Uint8Array;
  /** For a JSON body, estimated from its size until it ran. */
  rows: number;
  readonly key: string | undefined;
  readonly fetches: readonly string[];
  readonly enqueuedAt: number;
  /** What the observer's `enter` answered for this request. */
  readonly entered?: unknown;
  /** The outputs; for a JSON body, its response text, or `undefined` when it isn't rows fitting the model. */
  resolve(answer: RawOutputs | string | undefined): void;
  reject(error: Error): void;
  deadline?: NodeJS.Timeout;
}

/** What to do next: run these entries together, or wait this long (ms) for a fuller batch. */
export type Next = { readonly entries: Queued[] } | { readonly wait: number } | undefined;

/** The key under which a request may join others, or undefined when it must run alone. */
export function batchKey(
  feeds: RawFeeds,
  fetches: readonly string[],
): { key: string | undefined; rows: number } {
  let rows: number | undefined;
  let key = fetches.join(',');
  for (const [name, { type, dims }] of Object.entries(feeds)) {
    if (dims.length === 0 || (rows !== undefined && dims[0] !== rows))
      return { key: undefined, rows: rows ?? 1 };
    rows = dims[0]!;
    key += `|${name}:${type}:${dims.slice(1).join('x')}`;
  }
  return { key, rows: rows ?? 1 };
}

/** A FIFO of requests for one model, from which batches are taken head first. */
export class BatchQueue {
  private entries: Queued[] = [];
  private readonly maxBatchSize: number;
  private readonly maxQueueDelay: number;

  /** `batching` false: every request runs alone. */
  constructor(batching: BatchingOptions | false) {
    this.maxBatchSize = batching === false ? 1 : (batching.maxBatchSize ?? 64);
    this.maxQueueDelay = batching === false ? 0 : (batching.maxQueueDelay ?? 0);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Looked up from the tail, where a request just pushed is. */
  has(entry: Queued): boolean {
    return this.entries.lastIndexOf(entry) >= 0;
  }

  push(entry: Queued): void {
    this.entries.push(entry);
  }

  /** Puts requests back at the head, each to run alone: their batch failed, and one of them is why. */
  retryAlone(entries: readonly Queued[]): void {
    this.entries.unshift(...entries.map((entry) => ({ ...entry, key: undefined })));
  }

  /** Takes a waiting request out (its deadline passed); false when it had already left. */
  remove(entry: Queued): boolean {
    const index = this.entries.lastIndexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
    return index >= 0;
  }

  /** The head request and every later one that joins it, up to `maxBatchSize` rows. */
  take(now: number): Next {
    const head = this.entries[0];
    if (!head) return undefined;
    if (head.key === undefined || head.rows >= this.maxBatchSize) return { entries: [this.entries.shift()!] };
    const chosen = new Set<Queued>([head]);
    let rows = head.rows;
    for (let index = 1; index < this.entries.length && rows < this.maxBatchSize; index++) {
      const entry = this.entries[index]!;
      if (entry.key === head.key && rows + entry.rows <= this.maxBatchSize) {
        chosen.add(entry);
        rows += entry.rows;
      }
    }
    const waited = now - head.enqueuedAt;
    if (rows < this.maxBatchSize && waited < this.maxQueueDelay) return { wait: this.maxQueueDelay - waited };
    if (chosen.size === this.entries.length) {
      const entries = this.entries;
      this.entries = [];
      return { entries };
    }
    this.entries = this.entries.filter((entry) => !chosen.has(entry));
    return { entries: [...chosen] };
  }
}
