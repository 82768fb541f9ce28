/**
 * Runs an async task at most once at a time, for the newest request only. A
 * call while a run is in flight queues one more run, and later calls join that
 * queued run, which starts as soon as the current one ends. So a keystroke's
 * search starts at once when the index is idle (no debounce delay), and
 * keystrokes typed meanwhile collapse into one search for the newest text: a
 * Pagefind search cannot be cancelled, so queuing each would only pile up work.
 * The task reads its input (the form) when it starts, so it takes no arguments.
 */
export function latestOnly(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    running = task().finally(() => (running = undefined));
    return running;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .catch(() => {})
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
