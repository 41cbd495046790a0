/**
 * Child side of lib/server.ts: tells the parent which port the server listens on, and exits when the parent goes
 * away (its IPC channel closes even when it is killed outright), so no server outlives the suite.
 */
export function announce(port: number): void {
  if (!process.send) {
    console.log(`listening on http://127.0.0.1:${port}`);
    return;
  }
  process.on('disconnect', () => process.exit(0));
  process.send({ listening: port });
}
