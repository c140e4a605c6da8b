/**
 * `provhunt findings --json | head -3`: once the reader has what it wants it closes the pipe, and
 * the next write fails with EPIPE. That is the reader's choice, not an error: exit quietly.
 */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
