/** Prints an internal error as such: a curator should see a request for a bug report, not a stack. */
export function reportUnexpected(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(
    `shelfmark: internal error: ${message}\n` +
      'This is a bug in Shelfmark, not in your data. Please report it with the command you ran;\n' +
      'set SHELFMARK_DEBUG=1 to see the stack trace.\n',
  );
  if (process.env.SHELFMARK_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
}
