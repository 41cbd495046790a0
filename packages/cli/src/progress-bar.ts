/** `[#####.....] 1234/10000 rows`: how far a prediction over many rows has got. */
export function renderProgress(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.floor((Math.min(done, total) / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows`;
}

export interface Progress {
  update(done: number): void;
  clear(): void;
}

/** Progress that shows nowhere. */
export const noProgress: Progress = { update: () => {}, clear: () => {} };

/** A bar redrawn in place on a terminal; nothing at all when the stream is a pipe or a file. */
export function progressOn(stream: NodeJS.WriteStream, total: number): Progress {
  if (!stream.isTTY) return noProgress;
  return {
    update: (done) => stream.write(`\r${renderProgress(done, total)}\x1b[K`),
    clear: () => stream.write('\r\x1b[K'),
  };
}
