import type { WSEvents } from 'hono/ws';
import type { Model } from '../model/model';
import { predictOne } from './predict-input';

/**
 * A WebSocket that predicts: each text message `{"id"?, "input"}` (a row, or named tensors) is answered
 * with `{"id", "output"}`, or `{"id", "error"}` when the model refuses it or the message isn't JSON.
 */
export function predictionSocket(model: Model): WSEvents {
  return {
    async onMessage(event, ws) {
      let id: unknown;
      try {
        const message = parseMessage(event.data);
        id = message.id;
        ws.send(JSON.stringify({ id, output: await predictOne(model, message.input, 'The input') }));
      } catch (error) {
        if (!isExposed(error)) throw error;
        ws.send(JSON.stringify({ id, error: error.message }));
      }
    },
  };
}

class MessageError extends Error {
  readonly expose = true;
}

function parseMessage(data: unknown): { id?: unknown; input: unknown } {
  if (typeof data !== 'string') throw new MessageError('Send text messages: {"id": …, "input": …}');
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    throw new MessageError('The message is not JSON: send {"id": …, "input": …}');
  }
  if (typeof message !== 'object' || message === null || !('input' in message)) {
    throw new MessageError('The message has no "input": send {"id": …, "input": …}');
  }
  return message as { id?: unknown; input: unknown };
}

function isExposed(error: unknown): error is Error {
  return error instanceof Error && (error as { expose?: unknown }).expose === true;
}
