/**
 * The file manifest of a dataset: path, size and SHA-256 of every file. Files
 * can be gigabytes, so the hash is computed from a stream, never from a buffer.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

/** One source file as the manifest and the provenance see it. */
export interface FileFacts {
  /** Absolute path. */
  path: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  /** Last modification, ISO 8601 (UTC). */
  mtime: string;
}

/** Streams a file through SHA-256. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Files up to this size are hashed from one read; larger ones are streamed. */
export const ONE_READ_LIMIT = 8 * 1024 * 1024;

/** Size, mtime and SHA-256 of one file (streamed when large, so memory stays flat). */
export async function fileFacts(path: string): Promise<FileFacts> {
  const st = await stat(path);
  const sha256 = st.size <= ONE_READ_LIMIT ? createHash('sha256').update(await readFile(path)).digest('hex') : await sha256File(path);
  return { path, size: st.size, sha256, mtime: st.mtime.toISOString() };
}
