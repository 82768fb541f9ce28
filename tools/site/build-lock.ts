/**
 * One Astro build at a time per working folder. Astro writes its intermediate
 * server bundle to `.astro/` under the process's working folder whenever the
 * output folder lies outside it, so two builds started from the same folder
 * delete each other's chunks ("Cannot find module .astro/.prerender/…").
 * The lock is a file created exclusively, holding the owner's pid; a lock
 * whose process is gone is taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface LockOptions {
  /** Give up after this long (default 30 minutes). */
  timeoutMs?: number;
  /** How often to look again (default 500 ms). */
  pollMs?: number;
  /** Told once when the build has to wait. */
  onWait?: (ownerPid: number) => void;
}

/** A lock that could not be had in time; the message names the process holding it. */
export class BuildLockError extends Error {
  readonly code = 'E_BUILD_LOCKED';
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function ownerOf(file: string): Promise<number | undefined> {
  const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Runs `fn` holding the lock file `file`, waiting for another holder to finish. */
export async function withBuildLock<T>(file: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30 * 60_000);
  let told = false;
  await mkdir(dirname(file), { recursive: true });
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = await ownerOf(file);
    if (owner === undefined) {
      // Empty: its owner is writing it this instant, or was killed before it could.
      await new Promise((r) => setTimeout(r, 50));
      if ((await ownerOf(file)) === undefined) await rm(file, { force: true });
      continue;
    }
    if (!alive(owner)) {
      // Left by a build that was killed.
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new BuildLockError(
        `Another build of this site (process ${owner}) has held ${file} for too long. Wait for it to finish, or stop it; remove the file only if that process is not a build.`,
      );
    if (!told) opts.onWait?.(owner);
    told = true;
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
  }
  try {
    return await fn();
  } finally {
    await rm(file, { force: true });
  }
}
