import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CliError } from './cli-error';

/**
 * The lines of a text stream, as they arrive: one chunk is read at a time, so a long input never sits in
 * memory whole. `\r\n` endings lose their `\r`; a last line without a newline still counts.
 */
export async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      yield withoutCarriageReturn(pending + chunk.slice(start, end));
      pending = '';
      start = end + 1;
    }
    pending += chunk.slice(start);
  }
  if (pending) yield withoutCarriageReturn(pending);
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Writes one line at a time, waiting whenever the reader is behind, so output never piles up in memory. */
export class LineWriter {
  private failure: NodeJS.ErrnoException | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.failure = error;
    });
  }

  /** False once the reader has gone (`| head -1` closed the pipe): there is no one left to write for. */
  async write(line: string): Promise<boolean> {
    if (!this.failure && !this.stream.write(`${line}\n`)) {
      await once(this.stream, 'drain').catch(() => undefined);
    }
    if (this.failure?.code === 'EPIPE') return false;
    if (this.failure) throw new CliError(`Can't write the output: ${this.failure.message}`);
    return true;
  }
}
