/**
 * Reading the catalogue from disk: walking its files in a stable order and
 * loading the config. Parsing with positions and validation live in
 * `tools/validate/`; this module only finds and reads.
 */
import { opendir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { classifyPath, type PathInfo } from '../core/layout.ts';

export interface CatalogFile {
  /** Absolute path. */
  path: string;
  /** POSIX path relative to the catalogue root. */
  rel: string;
  /** What the layout says this file is; undefined for a non-record file. */
  info: PathInfo | undefined;
}

/**
 * Yields every file under `root` (or under `start`, a folder or file inside it),
 * sorted by path within each folder, skipping dot-files (editor swap files, atomic-write temps).
 */
export async function* walkCatalog(root: string, start: string = root): AsyncGenerator<CatalogFile> {
  const stack: string[] = [start];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let handle;
    try {
      handle = await opendir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') {
        yield toCatalogFile(root, dir);
        continue;
      }
      throw err;
    }
    const files: string[] = [];
    const dirs: string[] = [];
    for await (const entry of handle) {
      if (entry.name.startsWith('.')) continue;
      (entry.isDirectory() ? dirs : files).push(entry.name);
    }
    files.sort();
    for (const f of files) yield toCatalogFile(root, join(dir, f));
    dirs.sort().reverse();
    for (const d of dirs) stack.push(join(dir, d));
  }
}

function toCatalogFile(root: string, path: string): CatalogFile {
  const rel = relative(root, path).split(sep).join('/');
  return { path, rel, info: classifyPath(rel) };
}

/** Reads and parses `config.json` from the catalogue root (no validation: see tools/validate). */
export async function readConfigRaw(root: string): Promise<unknown> {
  return JSON.parse(await readFile(join(root, 'config.json'), 'utf8'));
}
