import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildLockError, withBuildLock } from './build-lock.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shelfmark-lock-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withBuildLock', () => {
  it('runs two builds one after the other, never together', async () => {
    const file = join(dir, '.astro', 'build.lock');
    const events: string[] = [];
    const waited: number[] = [];
    const job = (name: string) => async () => {
      events.push(`${name} start`);
      await sleep(100);
      events.push(`${name} end`);
      return name;
    };
    const a = withBuildLock(file, job('a'), { pollMs: 10 });
    await sleep(10);
    const b = withBuildLock(file, job('b'), { pollMs: 10, onWait: (pid) => waited.push(pid) });
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(waited).toEqual([process.pid]);
    expect(existsSync(file)).toBe(false);
  });

  it('takes over the lock of a build whose process is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.once('exit', r));
    const file = join(dir, 'build.lock');
    await writeFile(file, String(child.pid));
    expect(await withBuildLock(file, async () => 'ran', { pollMs: 10, timeoutMs: 1000 })).toBe('ran');
  });

  it('gives up with a message naming the holder when it waits too long', async () => {
    const file = join(dir, 'build.lock');
    await writeFile(file, String(process.pid));
    const err = await withBuildLock(file, async () => 'ran', { pollMs: 10, timeoutMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BuildLockError);
    expect((err as Error).message).toContain(`process ${process.pid}`);
  });

  it('releases the lock when the build fails', async () => {
    const file = join(dir, 'build.lock');
    await expect(withBuildLock(file, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(file)).toBe(false);
  });
});
