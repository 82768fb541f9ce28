/**
 * The one place that writes catalogue files. Every write is atomic: the content
 * goes to a temporary file in the same folder, is flushed, and is renamed over
 * the target, so a crash never leaves a half-written record behind.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { recordPath, type RecordType } from '../core/layout.ts';

/** Canonical text of a record: 2-space indentation, key order kept, trailing newline. */
export function formatRecord(record: unknown): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * Writes `data` to `path` atomically (temp file + fsync + rename), creating folders as
 * needed unless `mkdir: false` says the caller has made sure the folder exists (a batch
 * writing thousands of files into a few folders).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { mkdir?: boolean } = {}): Promise<void> {
  if (options.mkdir !== false) await mkdir(dirname(path), { recursive: true });
  // randomUUID draws from a cached entropy pool; randomBytes costs a system call per name.
  const tmp = join(dirname(path), `.${randomUUID()}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Writes a record to its place in the catalogue (derived from its type and id); returns the path written. */
export async function writeRecord(catalogRoot: string, type: RecordType, id: string, record: unknown): Promise<string> {
  const path = join(catalogRoot, recordPath(type, id));
  await writeFileAtomic(path, formatRecord(record));
  return path;
}
