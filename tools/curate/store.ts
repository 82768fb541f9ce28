/**
 * The write path every curation command shares: judge the changed record
 * against the catalogue, then write it atomically, or refuse with findings.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Finding } from '../core/findings.ts';
import { formatRecord, writeFileAtomic } from '../catalog/write.ts';
import { judgeChange } from './check-record.ts';

export interface SaveResult {
  /** Path relative to the catalogue root. */
  rel: string;
  /** True when the file was written. */
  written: boolean;
  /** True when the record was already exactly this (nothing written). */
  unchanged: boolean;
  /** Errors the change would bring in; non-empty means nothing was written. */
  refused: Finding[];
  /** Warnings and errors the record already had. */
  notes: Finding[];
}

/** Reads and parses a record file. */
export async function readRecord(abs: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(abs, 'utf8')) as Record<string, unknown>;
}

/** Validates `record` at `rel`, then writes it atomically unless that brings in errors. `before` is the current record, if any. */
export async function saveRecord(opts: {
  root: string;
  rel: string;
  record: unknown;
  before?: unknown;
  now?: Date;
  /** Runs after the record passed and before it is written (e.g. copying the image it points to). */
  beforeWrite?: () => Promise<void>;
}): Promise<SaveResult> {
  const root = resolve(opts.root);
  const text = formatRecord(opts.record);
  if (opts.before !== undefined && text === formatRecord(opts.before))
    return { rel: opts.rel, written: false, unchanged: true, refused: [], notes: [] };
  const verdict = await judgeChange({ root, rel: opts.rel, record: opts.record, ...(opts.before !== undefined ? { before: opts.before } : {}), ...(opts.now ? { now: opts.now } : {}) });
  if (verdict.refused.length > 0) return { rel: opts.rel, written: false, unchanged: false, ...verdict };
  await opts.beforeWrite?.();
  await writeFileAtomic(join(root, opts.rel), text);
  return { rel: opts.rel, written: true, unchanged: false, ...verdict };
}
