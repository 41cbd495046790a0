import type { InferenceSession } from 'onnxruntime-node';
import { type BatchingOptions, BatchQueue, batchKey, type Queued } from './batch-queue';
import {
  InferenceThreadError,
  ModelInputError,
  ModelOverloadedError,
  ModelTimeoutError,
  UnsupportedModelError,
} from './errors';
import type { InferenceBackend } from './inference-backend';
import type { InferenceObserver } from './inference-observer';
import { InferenceThread, type JsonRows } from './inference-thread';
import { type RawFeeds, type RawOutputs, sliceRows } from './raw-tensor';
import { runtimeMessage } from './runtime-message';
import { SessionBackend } from './session-backend';
import { isBatchable, readSignature } from './signature';
import { packTensors, type TensorPack } from './tensor-pack.js';

export interface ThreadedOptions {
  /** Inference threads, each with its own session. */
  readonly threads: number;
  /** Joins queued requests' rows into one run; default on when every input and output has a free first dim. */
  readonly batching?: BatchingOptions | false;
  /** Requests waiting for a thread at most (0: none wait); past it, ModelOverloadedError (503). Default 1024. */
  readonly maxQueueSize?: number;
  /** How long (ms) a request may wait for a thread before ModelTimeoutError (504). Default: no limit. */
  readonly timeout?: number;
  /** Told of every run and of each request's share of it (metrics, tracing). */
  readonly observe?: InferenceObserver;
  /**
   * A small run (at most 8 rows) expected to take less than this many ms runs on the event loop when every
   * thread is idle and nothing is queued: the hop to a thread and back costs about as much. Default 0.25;
   * 0: always on a thread.
   */
  readonly inlineRunMs?: number;
}

/** The default of `inlineRunMs`: about what handing a run to a thread and back costs. */
const INLINE_RUN_MS = 0.25;
/** Runs of at most this many rows are the ones timed for the estimate, and the only ones run inline. */
const INLINE_ROWS = 8;
/** Only models up to this size get the event loop's own session for such runs (it is created on first need). */
const INLINE_MODEL_BYTES = 8 * 1024 * 1024;
/** Weight of the latest small run in the estimate (an exponential moving average). */
const ESTIMATE_WEIGHT = 0.2;

/**
 * Runs a model on worker threads, off the event loop: whenever a thread is free it takes the head of the
 * queue and every request that joins it (micro-batching), so batches grow with load and a lone request
 * waits for nothing. The queue is bounded; a thread that dies is replaced.
 */
export class ThreadedBackend implements InferenceBackend {
  private readonly threads: InferenceThread[] = [];
  private queue = new BatchQueue(false);
  private running = 0;
  private delay: NodeJS.Timeout | undefined;
  private dispatching = false;
  private closing = false;
  private drained: (() => void) | undefined;
  private readonly maxQueueSize: number;
  private readonly inlineRunMs: number;
  /** The session on the event loop's thread for small runs, once created; see `inlineRunMs`. */
  private inline: SessionBackend | undefined;
  private inlineCreating: Promise<void> | undefined;
  /** How long (ms) a run of at most INLINE_ROWS rows takes in a session, on average. */
  private smallRunMs = Number.POSITIVE_INFINITY;
  private jsonRows: JsonRows | undefined;
  /** Bytes of JSON per row in the bodies run so far, to tell a body's rows before it is parsed. */
  private bytesPerRow = 64;

  private constructor(
    private readonly model: Uint8Array,
    private readonly sessionOptions: InferenceSession.SessionOptions,
    private readonly options: ThreadedOptions,
  ) {
    this.maxQueueSize = options.maxQueueSize ?? 1024;
    this.inlineRunMs = options.inlineRunMs ?? INLINE_RUN_MS;
  }

  static async create(
    model: Uint8Array,
    sessionOptions: InferenceSession.SessionOptions,
    options: ThreadedOptions,
  ): Promise<ThreadedBackend> {
    const backend = new ThreadedBackend(model, sessionOptions, options);
    const started = await Promise.allSettled(
      Array.from({ length: Math.max(1, options.threads) }, (_, index) => backend.startThread(index)),
    );
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await backend.close();
      throw failure.reason;
    }
    const batching = options.batching ?? {};
    backend.queue = new BatchQueue(batching !== false && isBatchable(readSignature(backend)) && batching);
    return backend;
  }

  get inputMetadata(): readonly InferenceSession.ValueMetadata[] {
    return this.threads[0]!.inputMetadata;
  }

  get outputMetadata(): readonly InferenceSession.ValueMetadata[] {
    return this.threads[0]!.outputMetadata;
  }

  run(feeds: RawFeeds, fetches: readonly string[]): Promise<RawOutputs> {
    const { key, rows } = batchKey(feeds, fetches);
    // only a JSON body answers undefined
    return this.enqueue({ feeds, rows, key, fetches }) as Promise<RawOutputs>;
  }

  /** From now on, threads can parse and feed JSON bodies of rows themselves (`runJson`). */
  acceptJsonRows(jsonRows: JsonRows): void {
    this.jsonRows = jsonRows;
    for (const thread of this.threads) thread.acceptJsonRows(jsonRows);
  }

  /**
   * Answers a JSON body `{"input": rows}` parsed, fed and run on a thread, joined with other such bodies:
   * the text of its response (`{"output": […]}`), so that the event loop only moves bytes. `undefined` when the
   * caller should read it itself: the body isn't rows fitting the model (the caller words the error), or it
   * would run on the event loop anyway (see `inlineRunMs`).
   */
  runJson(json: Uint8Array, fetch: string): Promise<string | undefined> {
    if (!this.jsonRows) return Promise.resolve(undefined);
    const rows = Math.max(1, Math.ceil(json.byteLength / this.bytesPerRow));
    if (this.inlineFits(rows)) return Promise.resolve(undefined);
    // only tensor runs answer outputs
    return this.enqueue({ feeds: {}, json, rows, key: `json|${fetch}`, fetches: [fetch] }) as Promise<
      string | undefined
    >;
  }

  private enqueue(
    work: Pick<Queued, 'feeds' | 'json' | 'rows' | 'key' | 'fetches'>,
  ): Promise<RawOutputs | string | undefined> {
    if (this.closing) return Promise.reject(new InferenceThreadError('The model is closed'));
    return new Promise((resolve, reject) => {
      const entered = this.options.observe?.enter ? quietly(() => this.options.observe!.enter!()) : undefined;
      const entry: Queued = Object.assign(work, { enqueuedAt: performance.now(), entered, resolve, reject });
      const { rows } = entry;
      if (!entry.json && this.inlineFits(rows)) {
        this.executeInline(this.inline!, entry);
        return;
      }
      this.queue.push(entry);
      this.dispatchSoon();
      // Each idle thread takes the head of the queue at the dispatch: those requests don't wait.
      if (this.queue.size - this.idleThreads() > this.maxQueueSize) {
        this.queue.remove(entry);
        reject(new ModelOverloadedError(this.maxQueueSize));
        return;
      }
      const { timeout } = this.options;
      if (timeout === undefined) return;
      entry.deadline = setTimeout(() => {
        if (!this.queue.remove(entry)) return;
        reject(new ModelTimeoutError(timeout));
        this.dispatch();
      }, timeout);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.queue.size > 0 || this.running > 0) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    }
    await this.inlineCreating;
    await Promise.all([...this.threads.splice(0).map((thread) => thread.close()), this.inline?.close()]);
  }

  private inlineFits(rows: number): boolean {
    return (
      this.inline !== undefined &&
      rows <= INLINE_ROWS &&
      this.smallRunMs < this.inlineRunMs &&
      this.running === 0 &&
      this.queue.size === 0
    );
  }

  /** Folds a run's session time into the estimate; the first cheap runs create the inline session. */
  private timed(rows: number, ms: number): void {
    if (rows > INLINE_ROWS) return;
    this.smallRunMs =
      this.smallRunMs === Number.POSITIVE_INFINITY
        ? ms
        : this.smallRunMs + ESTIMATE_WEIGHT * (ms - this.smallRunMs);
    if (
      this.smallRunMs >= this.inlineRunMs ||
      this.inlineCreating ||
      this.model.byteLength > INLINE_MODEL_BYTES
    )
      return;
    this.inlineCreating = SessionBackend.create(this.model, this.sessionOptions).then(
      async (session) => {
        if (this.closing) await session.close();
        else this.inline = session;
      },
      // Without it, every run goes to the threads, as before.
      () => undefined,
    );
  }

  private executeInline(session: SessionBackend, entry: Queued): void {
    this.running++;
    const started = performance.now();
    session
      .run(entry.feeds, entry.fetches)
      .then(
        (outputs) => {
          this.timed(entry.rows, performance.now() - started);
          this.observe([entry], started, 'answered', true);
          entry.resolve(outputs);
        },
        (error: Error) => {
          this.observe([entry], started, 'failed', true);
          entry.reject(error);
        },
      )
      .finally(() => {
        this.running--;
        this.dispatch();
      });
  }

  private async startThread(index: number): Promise<void> {
    const thread = await InferenceThread.start(this.model, this.sessionOptions, this.jsonRows, () =>
      this.replace(index),
    );
    this.threads[index] = thread;
  }

  private replace(index: number): void {
    if (this.closing) return;
    console.error('An inference thread stopped; starting another.');
    this.startThread(index).then(
      () => this.dispatch(),
      (error: Error) => console.error(`An inference thread could not be restarted: ${error.message}`),
    );
  }

  /**
   * Dispatches once the event loop has read what arrived with this request (setImmediate runs after the
   * poll phase): requests that arrive together join one batch, where dispatching at once would send the
   * first alone. A lone request waits for nothing but the rest of this turn of the loop.
   */
  private dispatchSoon(): void {
    if (this.dispatching) return;
    this.dispatching = true;
    setImmediate(() => {
      this.dispatching = false;
      this.dispatch();
    });
  }

  private idleThreads(): number {
    return this.threads.reduce((count, thread) => count + (thread.idle ? 1 : 0), 0);
  }

  private dispatch(): void {
    let thread = this.threads.find((candidate) => candidate.idle);
    while (thread && this.queue.size > 0) {
      const next = this.queue.take(performance.now());
      if (!next) break;
      if ('wait' in next) {
        this.delay ??= setTimeout(() => {
          this.delay = undefined;
          this.dispatch();
        }, next.wait);
        break;
      }
      const entries = this.withinDeadline(next.entries);
      if (entries.length === 0) continue;
      this.execute(thread, entries);
      thread = this.threads.find((candidate) => candidate.idle);
    }
    if (this.closing && this.running === 0 && this.queue.size === 0) this.drained?.();
  }

  /** Refuses the entries whose deadline passed before their timer could fire (the event loop was busy). */
  private withinDeadline(entries: Queued[]): Queued[] {
    const { timeout } = this.options;
    for (const entry of entries) clearTimeout(entry.deadline);
    if (timeout === undefined) return entries;
    const now = performance.now();
    return entries.filter((entry) => {
      if (now - entry.enqueuedAt < timeout) return true;
      entry.reject(new ModelTimeoutError(timeout));
      return false;
    });
  }

  private execute(thread: InferenceThread, entries: Queued[]): void {
    this.running++;
    const [first] = entries as [Queued];
    const started = performance.now();
    const run = first.json
      ? thread.runJson(
          entries.map((entry) => entry.json!),
          first.fetches[0]!,
        )
      : thread.run(packBatch(entries), first.fetches);
    // `running` drops before the requests are answered: one answered may call again at once, and find it idle.
    run
      .then(
        (result) => {
          this.running--;
          if ('error' in result) this.refused(entries, started, result.error);
          else if ('texts' in result) this.answerJson(entries, started, result);
          else this.answerTensors(entries, started, result);
        },
        (error: Error) => {
          this.running--;
          this.observe(entries, started, 'failed');
          for (const entry of entries) entry.reject(error);
        },
      )
      .finally(() => this.dispatch());
  }

  private answerTensors(
    entries: Queued[],
    started: number,
    result: { outputs: RawOutputs; ms: number },
  ): void {
    this.observe(entries, started, 'answered');
    this.timed(rowsOf(entries), result.ms);
    answer(entries, result.outputs);
  }

  private answerJson(
    entries: Queued[],
    started: number,
    result: { texts: readonly (string | null)[]; rows: readonly number[]; ms: number },
  ): void {
    entries.forEach((entry, index) => {
      entry.rows = result.rows[index]!;
      if (entry.rows > 0) this.learnBytesPerRow(entry.json!.byteLength / entry.rows);
    });
    this.observe(entries, started, 'answered');
    this.timed(rowsOf(entries), result.ms);
    entries.forEach((entry, index) => {
      entry.resolve(result.texts[index] ?? undefined);
    });
  }

  /** ONNX Runtime refused a run: each request of a batch runs again alone, so that only the culprit fails. */
  private refused(entries: Queued[], started: number, error: string): void {
    this.observe(entries, started, entries.length > 1 ? 'retried' : 'failed');
    if (entries.length > 1) this.queue.retryAlone(entries);
    else
      entries[0]!.reject(
        new ModelInputError('rejected', `The model rejected the input: ${runtimeMessage(error)}`),
      );
  }

  private learnBytesPerRow(bytes: number): void {
    this.bytesPerRow += ESTIMATE_WEIGHT * (bytes - this.bytesPerRow);
  }

  /** Tells the observer of the run and of each request's share; a batch that failed and is retried alone is not. */
  private observe(
    entries: readonly Queued[],
    started: number,
    outcome: 'answered' | 'failed' | 'retried',
    onEventLoop = false,
  ): void {
    const { observe } = this.options;
    if (!observe) return;
    const ended = performance.now();
    const rows = rowsOf(entries);
    const inferenceSeconds = (ended - started) / 1000;
    const queueDelays = entries.map((entry) => (started - entry.enqueuedAt) / 1000);
    quietly(() =>
      observe.batch?.({ rows, requests: entries.length, queueDelays, inferenceSeconds, onEventLoop }),
    );
    if (!observe.request || outcome === 'retried') return;
    const endedAt = Date.now();
    const startedAt = endedAt - (ended - started);
    entries.forEach((entry, index) => {
      const observation = {
        rows: entry.rows,
        batchRows: rows,
        queueSeconds: queueDelays[index]!,
        inferenceSeconds,
        failed: outcome === 'failed',
        startedAt,
        endedAt,
      };
      quietly(() => observe.request!(entry.entered, observation));
    });
  }
}

/** Runs an observer's callback; its failure must never fail the requests it observed. */
function quietly<T>(callback: () => T): T | undefined {
  try {
    return callback();
  } catch {
    return undefined;
  }
}

function rowsOf(entries: readonly Queued[]): number {
  return entries.reduce((sum, entry) => sum + entry.rows, 0);
}

/** The batch's inputs, each request's rows after the previous one's, in one message. */
function packBatch(entries: readonly Queued[]): TensorPack {
  const rows = rowsOf(entries);
  return packTensors(
    Object.entries(entries[0]!.feeds).map(([name, { type, dims }]) => ({
      name,
      type,
      dims: entries.length === 1 ? dims : [rows, ...dims.slice(1)],
      chunks: entries.map((entry) => entry.feeds[name]!.data),
    })),
  );
}

/** Answers each request its rows of the batch's outputs. */
function answer(entries: readonly Queued[], outputs: RawOutputs): void {
  if (entries.length === 1) {
    entries[0]!.resolve(outputs);
    return;
  }
  const total = rowsOf(entries);
  const unsplittable = Object.keys(outputs).find((name) => outputs[name]!.dims[0] !== total);
  let from = 0;
  for (const entry of entries) {
    if (unsplittable) {
      entry.reject(
        new UnsupportedModelError(
          `Output '${unsplittable}' has no row per input row, so requests can't be batched: turn batching off for this model`,
        ),
      );
      continue;
    }
    const mine: RawOutputs = {};
    for (const [name, tensor] of Object.entries(outputs))
      mine[name] = sliceRows(tensor, from, entry.rows, total);
    from += entry.rows;
    entry.resolve(mine);
  }
}
