/**
 * Reads one source file for ingest: its bytes once, for both the translator and
 * the manifest, so the SHA-256 in the record is of the very bytes translated and
 * the disk is read once. Files too large to hold (see manifest.ts) are left to
 * the translator and hashed from a stream.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { ONE_READ_LIMIT, fileFacts, type FileFacts } from './manifest.ts';
import type { TranslatorResult } from './measurement.ts';

/** One file read: the translator's result and, for a file that gave measurements, its manifest facts. */
export interface ReadOutcome {
  result: TranslatorResult;
  facts?: FileFacts;
}

type ReadAny = (path: string, content?: Uint8Array) => Promise<TranslatorResult>;

/** The two file-system calls reading needs, so a worker thread can pass blocking ones. */
export interface ReadIo {
  stat(path: string): Promise<{ isFile(): boolean; size: number; mtime: Date }>;
  readFile(path: string): Promise<Buffer>;
}

const asyncIo: ReadIo = { stat, readFile };

/**
 * Translates `path` with `readAny` and, when that gives measurements, returns the
 * file's facts too. Never throws: a file that cannot be read is `readAny`'s error
 * result, and facts that cannot be had are left out (the caller computes them again
 * and reports the failure against the record).
 */
export async function readAndHash(path: string, readAny: ReadAny, io: ReadIo = asyncIo): Promise<ReadOutcome> {
  let content: Buffer | undefined;
  let mtime: Date | undefined;
  try {
    const st = await io.stat(path);
    if (st.isFile() && st.size > 0 && st.size <= ONE_READ_LIMIT) {
      mtime = st.mtime;
      content = await io.readFile(path);
    }
  } catch {
    // readAny says what is wrong with the path
  }
  if (!content || !mtime) {
    const result = await readAny(path);
    if (result.status !== 'ok') return { result };
    const facts = await fileFacts(path).catch(() => undefined);
    return facts ? { result, facts } : { result };
  }
  const result = await readAny(path, content);
  if (result.status !== 'ok') return { result };
  return { result, facts: { path, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), mtime: mtime.toISOString() } };
}
