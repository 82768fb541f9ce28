/**
 * The watch daemon's journal: an append-only file of JSON lines, one per state
 * change of a source file (seen → ingested → committed → pushed, or failed /
 * skipped), each written and fsynced before the daemon acts on it, so a restart
 * after a crash (even SIGKILL) knows which files still need work. A torn last
 * line from a crash is ignored on reading.
 */
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export type FileState = 'seen' | 'ingested' | 'committed' | 'pushed' | 'failed' | 'skipped';

/** One line of the journal. */
export interface JournalEntry {
  /** When the state was reached (ISO 8601, UTC). */
  t: string;
  /** Absolute path of the source file. */
  path: string;
  sha256: string;
  state: FileState;
  /** The record the file went into (ingested and later). */
  pid?: string;
  branch?: string;
  /** Commit sha (committed). */
  commit?: string;
  /** Why the file failed or was skipped. */
  reason?: string;
}

/** The latest state of one file. */
export type FileStatus = Omit<JournalEntry, 't'>;

/** States after which nothing more is to be done for that content, once pushed (or never doable). */
export const DONE: ReadonlySet<FileState> = new Set(['pushed', 'failed', 'skipped']);

/** Replays journal text into the latest status per path. Pure; skips lines that do not parse. */
export function replay(text: string): Map<string, FileStatus> {
  const out = new Map<string, FileStatus>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let e: JournalEntry;
    try {
      e = JSON.parse(line) as JournalEntry;
    } catch {
      continue; // a line torn by a crash mid-write
    }
    if (typeof e.path !== 'string' || typeof e.state !== 'string') continue;
    const { t: _t, ...status } = e;
    out.set(e.path, status);
  }
  return out;
}

export class Journal {
  readonly path: string;
  /** Latest status per source path. */
  readonly files: Map<string, FileStatus>;
  private handle: FileHandle;
  /** Appends run one after another, so concurrent callers never interleave a write with another's fsync. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(path: string, files: Map<string, FileStatus>, handle: FileHandle) {
    this.path = path;
    this.files = files;
    this.handle = handle;
  }

  /** Opens (or creates) the journal at `path` and replays it. */
  static async open(path: string): Promise<Journal> {
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    const handle = await open(path, 'a');
    // A torn last line must not glue onto the next entry.
    if (text && !text.endsWith('\n')) {
      await handle.write('\n');
      await handle.sync();
    }
    return new Journal(path, replay(text), handle);
  }

  /** Appends entries and fsyncs before returning. */
  async record(entries: readonly Omit<JournalEntry, 't'>[]): Promise<void> {
    if (entries.length === 0) return;
    const t = new Date().toISOString();
    const text = entries.map((e) => JSON.stringify({ t, ...e })).join('\n');
    const run = this.queue.then(async () => {
      await this.handle.write(`${text}\n`);
      await this.handle.sync();
      for (const e of entries) this.files.set(e.path, { ...e });
    });
    this.queue = run.catch(() => undefined);
    await run;
  }

  /** The status of a file's current content, or undefined when that content was never journalled. */
  statusOf(path: string, sha256: string): FileStatus | undefined {
    const s = this.files.get(path);
    return s && s.sha256 === sha256 ? s : undefined;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }
}
