import type { Model } from '../model/model';
import { predictOne } from './predict-input';

const encoder = new TextEncoder();

const event = (name: string, data: unknown) =>
  encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * Predicts `inputs` one at a time as server-sent events: `prediction` events `{"index", "output"}` as each
 * is ready, an `error` event `{"index", "detail"}` for an input the model refuses (the stream goes on), then
 * `end`. Work is pulled by the client: when it disconnects, the stream is cancelled and nothing more runs.
 */
export function predictionStream(model: Model, inputs: readonly unknown[]): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (index === inputs.length) {
        controller.enqueue(event('end', { count: inputs.length }));
        controller.close();
        return;
      }
      const at = index++;
      try {
        controller.enqueue(
          event('prediction', { index: at, output: await predictOne(model, inputs[at], `Item ${at}`) }),
        );
      } catch (error) {
        if (!isExposed(error)) throw error;
        controller.enqueue(event('error', { index: at, detail: error.message }));
      }
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' },
  });
}

function isExposed(error: unknown): error is Error {
  return error instanceof Error && (error as { expose?: unknown }).expose === true;
}
