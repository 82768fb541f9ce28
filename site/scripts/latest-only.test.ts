import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only.ts';

/** A task that records the value it read at its start and ends when told to. */
function harness() {
  let value = 0;
  const seen: number[] = [];
  const ends: (() => void)[] = [];
  const run = latestOnly(async () => {
    seen.push(value);
    await new Promise<void>((resolve) => ends.push(resolve));
  });
  const endNext = async () => {
    ends.shift()!();
    // Let the finished run's handlers and the queued run's start happen.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { run, seen, endNext, set: (v: number) => (value = v), inFlight: () => ends.length };
}

describe('latestOnly', () => {
  it('starts at once when idle', () => {
    const h = harness();
    h.set(1);
    void h.run();
    expect(h.seen).toEqual([1]);
  });

  it('collapses calls made during a run into one run that reads the newest input', async () => {
    const h = harness();
    h.set(1);
    const first = h.run();
    h.set(2);
    const second = h.run();
    h.set(3);
    const third = h.run();
    expect(second).toBe(third);
    expect(h.inFlight()).toBe(1);
    await h.endNext();
    await first;
    expect(h.seen).toEqual([1, 3]);
    await h.endNext();
    await third;
    expect(h.seen).toEqual([1, 3]);
    expect(h.inFlight()).toBe(0);
  });

  it('queues again for calls made during the queued run, and runs anew once idle', async () => {
    const h = harness();
    void h.run();
    void h.run();
    await h.endNext();
    h.set(5);
    void h.run();
    await h.endNext();
    expect(h.seen).toEqual([0, 0, 5]);
    await h.endNext();
    h.set(6);
    void h.run();
    expect(h.seen).toEqual([0, 0, 5, 6]);
  });

  it('runs the queued task even when the running one failed', async () => {
    let calls = 0;
    const run = latestOnly(async () => {
      if (++calls === 1) throw new Error('first fails');
    });
    const first = run();
    const second = run();
    await expect(first).rejects.toThrow('first fails');
    await second;
    expect(calls).toBe(2);
  });
});
