/**
 * What one ingest batch learns about the catalogue's folders, learnt once: a
 * folder is made once (not once per file written into it), and a folder is
 * listed once to tell which records are there, instead of a failed read for
 * every new record. The layout keeps folders to a few thousand entries, so a
 * listing is small. Only for the length of a batch: nothing is cached beyond it.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

export interface CatalogFolders {
  /** Makes `dir` (and its parents) unless this batch already has. */
  ensure(dir: string): Promise<void>;
  /** False when the listing of its folder, taken once per batch, shows `path` is not there. */
  mayExist(path: string): Promise<boolean>;
}

export function catalogFolders(): CatalogFolders {
  const made = new Map<string, Promise<unknown>>();
  const listed = new Map<string, Promise<Set<string> | undefined>>();
  return {
    async ensure(dir) {
      let p = made.get(dir);
      if (!p) {
        p = mkdir(dir, { recursive: true });
        made.set(dir, p);
        // A failed mkdir is tried again by the next write, which then reports its own error.
        p.catch(() => made.delete(dir));
      }
      await p;
    },
    async mayExist(path) {
      const dir = dirname(path);
      let p = listed.get(dir);
      if (!p) {
        p = readdir(dir).then(
          (names) => new Set(names),
          (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? new Set<string>() : undefined),
        );
        listed.set(dir, p);
      }
      const names = await p;
      return names === undefined || names.has(basename(path));
    },
  };
}
