/**
 * The watch daemon: ingests files as instruments finish writing them into a
 * folder, commits a batch every N files or T seconds on
 * `ingest/<instrument>/<date>` and pushes the branch to the remote.
 *
 * Crash safety rests on the journal (journal.ts): a file is journalled as
 * `seen` before it joins a batch, `committed` once its record is in a commit and
 * `pushed` once the remote has it. On start chokidar reports every file already
 * in the folder; anything whose current content is not journalled as committed
 * is ingested again (ingest is idempotent, so a record written before a crash is
 * simply committed now), and committed-but-unpushed branches are pushed.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { ingest, type ReadFile } from '../ingest.ts';
import { sha256File } from '../manifest.ts';
import { DONE, Journal, type JournalEntry } from './journal.ts';

export interface WatchOptions {
  /** The folder instruments write into (watched recursively). */
  folder: string;
  /** The catalogue root inside a git clone whose remote receives the branches. */
  catalogRoot: string;
  /** Remote to push to; default `origin`. */
  remote?: string;
  /** Commit when this many files are waiting; default 20. */
  batchFiles?: number;
  /** Commit at most this long after the first waiting file arrived; default 30 s. */
  batchSeconds?: number;
  /** A file counts as written when its size has not changed for this long; default 2000 ms. */
  stabilityMs?: number;
  /** The journal file; default `<repo>/.git/shelfmark-watch/<hash of folder>.jsonl`. */
  journalPath?: string;
  /** The branch new ingest branches start from; default the checked-out branch (or main). */
  base?: string;
  /** Poll the file system instead of native events (network file systems). */
  polling?: boolean;
  logger: Logger;
  /** Translator entry point (tests); default readAny. */
  read?: ReadFile;
}

export interface WatchHandle {
  /** Resolves when the initial scan is done and its files are queued. */
  ready: Promise<void>;
  /** Ingests, commits and pushes whatever is waiting now. */
  flush(): Promise<void>;
  /** Stops watching, flushes the batch, commits, pushes and closes the journal. */
  stop(): Promise<void>;
  journal: Journal;
}

/** Where the journal lives by default: inside the catalogue repository's .git, one per watched folder. */
export async function defaultJournalPath(catalogRoot: string, folder: string): Promise<string> {
  const { openRepo } = await import('../../git/git.ts');
  const repo = await openRepo(catalogRoot);
  const id = createHash('sha1').update(resolve(folder)).digest('hex').slice(0, 12);
  return join(repo.dir, '.git', 'shelfmark-watch', `${id}.jsonl`);
}

/** Starts the daemon. Errors in a batch are logged and retried; they never stop the daemon. */
export async function startWatch(opts: WatchOptions): Promise<WatchHandle> {
  const log = opts.logger;
  const folder = resolve(opts.folder);
  const catalogRoot = resolve(opts.catalogRoot);
  const remote = opts.remote ?? 'origin';
  const batchFiles = opts.batchFiles ?? 20;
  const batchMs = (opts.batchSeconds ?? 30) * 1000;
  const journal = await Journal.open(opts.journalPath ?? (await defaultJournalPath(catalogRoot, folder)));
  const { openRepo } = await import('../../git/git.ts');
  const { isIngestBranch } = await import('../commit.ts');
  const repo = await openRepo(catalogRoot);
  // New ingest branches start from the branch the clone is on (main after a crash left an ingest branch checked out).
  const current = await repo.currentBranch().catch(() => undefined);
  const base = opts.base ?? (current && !isIngestBranch(current) ? current : 'main');
  log.info({ event: 'watch.start', folder, catalog: catalogRoot, journal: journal.path, remote, base, batchFiles, batchSeconds: batchMs / 1000 });

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let stopping = false;

  /** A finished file: journal it as seen and queue it, unless its content is already committed. */
  const enqueue = async (file: string): Promise<void> => {
    let sha256: string;
    try {
      if (!(await stat(file)).isFile()) return;
      sha256 = await sha256File(file);
    } catch {
      return; // gone again (a temp file renamed away)
    }
    const st = journal.statusOf(file, sha256);
    if (st && (st.state === 'committed' || DONE.has(st.state))) return;
    // The pid and branch stay: if the new content maps to another record, the old one must let go of the file.
    const prev = journal.files.get(file);
    if (!st) await journal.record([{ path: file, sha256, state: 'seen', ...(prev?.pid ? { pid: prev.pid } : {}), ...(prev?.branch ? { branch: prev.branch } : {}) }]);
    pending.add(file);
    log.info({ event: 'file.seen', file, sha256, waiting: pending.size });
    if (pending.size >= batchFiles) void flush();
    else timer ??= setTimeout(() => void flush(), batchMs);
  };

  /** Branches with commits that no journal entry stands for (record removals). */
  const unpushed = new Set<string>();

  const pushCommitted = async (): Promise<void> => {
    const byBranch = new Map<string, JournalEntry[]>([...unpushed].map((b) => [b, []]));
    for (const s of journal.files.values())
      if (s.state === 'committed' && s.branch) byBranch.set(s.branch, [...(byBranch.get(s.branch) ?? []), { ...s, t: '' }]);
    for (const [branch, entries] of byBranch) {
      try {
        await repo.push(remote, branch);
        unpushed.delete(branch);
        await journal.record(entries.map(({ t: _t, ...e }) => ({ ...e, state: 'pushed' as const })));
        log.info({ event: 'branch.pushed', branch, remote, files: entries.length });
      } catch (err) {
        log.warn({ event: 'push.failed', branch, remote, error: (err as Error).message });
      }
    }
  };

  /**
   * A file whose new content maps to another record (a file read while still being
   * written can look like a different acquisition) leaves its old record: the old
   * record is rebuilt from its other files, or removed when it has none.
   */
  const releaseStale = async (records: { pid: string; sources: string[] }[]): Promise<void> => {
    const moved = new Map<string, { branch?: string; files: Set<string> }>();
    for (const r of records)
      for (const src of r.sources) {
        const prev = journal.files.get(src);
        if (!prev?.pid || prev.pid === r.pid) continue;
        const m = moved.get(prev.pid) ?? { ...(prev.branch ? { branch: prev.branch } : {}), files: new Set<string>() };
        m.files.add(src);
        moved.set(prev.pid, m);
      }
    for (const [pid, m] of moved) {
      const remaining = [...journal.files.values()].filter((s) => s.pid === pid && !m.files.has(s.path)).map((s) => s.path);
      log.warn({ event: 'record.stale', pid, moved: [...m.files], remaining });
      if (remaining.length > 0) {
        for (const f of remaining) pending.add(f);
        timer ??= setTimeout(() => void flush(), batchMs);
        continue;
      }
      if (!m.branch) continue;
      const { recordPath, attachmentDir } = await import('../../core/layout.ts');
      const { commitRemoval } = await import('../commit.ts');
      const c = await commitRemoval(catalogRoot, m.branch, [recordPath('dataset', pid), attachmentDir(pid)], `ingest: remove ${pid}, whose files now belong to other records\n`, { base });
      if (c.error) log.error({ event: 'remove.failed', pid, branch: m.branch, message: c.error });
      else {
        unpushed.add(m.branch);
        log.info({ event: 'record.removed', pid, branch: m.branch, commit: c.sha ?? null });
      }
    }
  };

  const runBatch = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = [...pending].sort();
    pending.clear();
    if (batch.length > 0) {
      const t0 = performance.now();
      const summary = await ingest(batch, { catalogRoot, commit: true, commitOptions: { base }, ...(opts.read ? { read: opts.read } : {}) });
      const entries: Omit<JournalEntry, 't'>[] = [];
      const commitOf = new Map(summary.commits.map((c) => [c.branch, c]));
      const gitFailed = summary.commits.some((c) => c.error);
      for (const r of summary.records) {
        const branch = [...commitOf.values()].find((c) => c.paths.some((p) => p.endsWith(r.path)))?.branch;
        const c = branch ? commitOf.get(branch) : undefined;
        const committed = c !== undefined && !c.error;
        for (const src of r.sources) {
          const sha256 = r.hashes[src] ?? '';
          entries.push({ path: src, sha256, state: committed ? 'committed' : 'ingested', pid: r.pid, ...(branch ? { branch } : {}), ...(c?.sha ? { commit: c.sha } : {}) });
        }
        log.info({ event: 'record', pid: r.pid, status: r.status, title: r.title, instrument: r.instrumentId, warnings: r.warnings.length });
      }
      await releaseStale(summary.records);
      const inRecords = new Set(summary.records.flatMap((r) => r.sources));
      for (const e of summary.errors) {
        if (e.file === catalogRoot) continue;
        log.error({ event: 'file.failed', file: e.file, message: e.message, fix: e.fix });
        if (!inRecords.has(e.file)) entries.push({ path: e.file, sha256: await sha256File(e.file).catch(() => ''), state: 'failed', reason: e.message });
      }
      for (const s of summary.skipped) entries.push({ path: s.file, sha256: await sha256File(s.file).catch(() => ''), state: 'skipped', reason: s.reason });
      await journal.record(entries);
      for (const c of summary.commits) {
        if (c.error) log.error({ event: 'commit.failed', branch: c.branch, message: c.error });
        else log.info({ event: 'batch.committed', branch: c.branch, commit: c.sha ?? null, paths: c.paths.length });
      }
      log.info({ event: 'batch.done', files: batch.length, records: summary.records.length, errors: summary.errors.length, ms: Math.round(performance.now() - t0) });
      // A git failure leaves the records written but uncommitted: try the files again next batch.
      if (gitFailed) for (const r of summary.records) for (const s of r.sources) if (batch.includes(s)) pending.add(s);
    }
    await pushCommitted();
  };

  const flush = (): Promise<void> => {
    const run = chain.then(runBatch).catch((err: unknown) => {
      log.error({ event: 'batch.crashed', error: (err as Error).message, stack: (err as Error).stack });
    });
    chain = run;
    return run;
  };

  const { watch } = await import('chokidar');
  const stability = opts.stabilityMs ?? 2000;
  const watcher = watch(folder, {
    ignoreInitial: false, // existing files are reported too: that is the restart reconciliation
    awaitWriteFinish: { stabilityThreshold: stability, pollInterval: Math.min(100, Math.max(10, stability / 10)) },
    ignored: (p: string) => p !== folder && basename(p).startsWith('.'),
    ...(opts.polling ? { backend: 'polling' as const, pollingInterval: 200 } : {}),
  });
  const inFlight = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  watcher.on('add', (p: string) => !stopping && track(enqueue(resolve(p))));
  watcher.on('change', (p: string) => !stopping && track(enqueue(resolve(p))));
  watcher.on('error', (err: unknown) => log.error({ event: 'watch.error', error: (err as Error).message }));
  const ready = new Promise<void>((res) => watcher.once('ready', () => res())).then(async () => {
    await Promise.all([...inFlight]);
    log.info({ event: 'watch.ready', waiting: pending.size });
    await flush(); // pushes what a crash left committed but unpushed
  });

  return {
    ready,
    journal,
    flush,
    stop: async () => {
      stopping = true;
      await watcher.close();
      await Promise.all([...inFlight]);
      await flush();
      await chain;
      await journal.close();
      log.info({ event: 'watch.stop' });
    },
  };
}
