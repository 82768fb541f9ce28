/**
 * The file manifest of a dataset: path, size and SHA-256 of every file. Files
 * can be gigabytes, so the hash is computed from a stream, never from a buffer.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

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

/** Size, mtime and streamed SHA-256 of one file. */
export async function fileFacts(path: string): Promise<FileFacts> {
  const [st, sha256] = await Promise.all([stat(path), sha256File(path)]);
  return { path, size: st.size, sha256, mtime: st.mtime.toISOString() };
}
